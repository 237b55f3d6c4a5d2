import { describe, expect, it } from 'vitest';
import { diffFilter, draftOf, parseDraft } from '../filter-draft.ts';

const base = {
  allowAll: false,
  deviceIDs: [1, 2],
  IPAddrs: ['192.168.0.10'],
  subnetMasks: [] as string[],
};

describe('accept filter editor', () => {
  it('parses one entry per line, commas or spaces', () => {
    const result = parseDraft({
      allowAll: false,
      deviceIDs: '544114231\n540092578, 846',
      IPAddrs: '10.0.0.1 10.0.0.2',
      subnetMasks: '255.255.255.0',
    });
    expect(result).toEqual({
      ok: true,
      filter: {
        allowAll: false,
        deviceIDs: [544114231, 540092578, 846],
        IPAddrs: ['10.0.0.1', '10.0.0.2'],
        subnetMasks: ['255.255.255.0'],
      },
    });
  });

  it('names the bad entry of each list', () => {
    const result = parseDraft({
      allowAll: false,
      deviceIDs: '12\nabc',
      IPAddrs: '10.0.0',
      subnetMasks: '255.0.255.0',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors['deviceIDs']).toMatch(/^"abc" /);
    expect(result.errors['IPAddrs']).toMatch(/^"10\.0\.0" must be an IPv4 address/);
    expect(result.errors['subnetMasks']).toMatch(/^"255\.0\.255\.0" must be a subnet mask/);
  });

  it('refuses device IDs listed twice and out of uint32 range', () => {
    const twice = parseDraft({ allowAll: false, deviceIDs: '5\n5', IPAddrs: '', subnetMasks: '' });
    expect(!twice.ok && twice.errors['deviceIDs']).toBe('5 is listed twice');
    const big = parseDraft({
      allowAll: false,
      deviceIDs: '4294967296',
      IPAddrs: '',
      subnetMasks: '',
    });
    expect(!big.ok && big.errors['deviceIDs']).toMatch(/between 1 and 4294967295/);
  });

  it('previews additions, removals and allow-all changes', () => {
    const change = diffFilter(base, {
      allowAll: true,
      deviceIDs: [2, 3],
      IPAddrs: ['192.168.0.10'],
      subnetMasks: ['255.255.0.0'],
    });
    expect(change).toEqual({
      allowAll: { from: false, to: true },
      deviceIDs: { added: [3], removed: [1] },
      IPAddrs: { added: [], removed: [] },
      subnetMasks: { added: ['255.255.0.0'], removed: [] },
      none: false,
    });
    expect(diffFilter(base, { ...base }).none).toBe(true);
  });

  it('round-trips a filter through the draft', () => {
    const parsed = parseDraft(draftOf(base));
    expect(parsed).toEqual({ ok: true, filter: base });
  });
});

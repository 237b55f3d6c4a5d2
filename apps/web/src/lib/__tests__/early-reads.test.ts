// Early reads (lib/early-reads.ts): a read started before the app has loaded is claimed once by the
// query with the same key; a failed one is asked again as an ordinary read; an unclaimed one is
// dropped.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { claimEarlyRead, startEarlyRead } from '../early-reads.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('early reads', () => {
  it('hands an early answer to the first query with the same key, once', async () => {
    const early = vi.fn(() => Promise.resolve('early'));
    startEarlyRead(['devices', 'list', { page: 1, sort: 'deviceID' }], early);
    const ordinary = vi.fn(() => Promise.resolve('ordinary'));
    // Same key, properties in another order: the same query.
    expect(await claimEarlyRead(['devices', 'list', { sort: 'deviceID', page: 1 }], ordinary)).toBe(
      'early',
    );
    expect(ordinary).not.toHaveBeenCalled();
    expect(await claimEarlyRead(['devices', 'list', { page: 1, sort: 'deviceID' }], ordinary)).toBe(
      'ordinary',
    );
    expect(early).toHaveBeenCalledTimes(1);
  });

  it('leaves other keys alone', async () => {
    startEarlyRead(['session'], () => Promise.resolve('me'));
    expect(
      await claimEarlyRead(['devices', 'list', { page: 2 }], () => Promise.resolve('p2')),
    ).toBe('p2');
    expect(await claimEarlyRead(['session'], () => Promise.resolve('again'))).toBe('me');
  });

  it('asks again when the early read failed, after or before it was claimed', async () => {
    let fail!: (error: Error) => void;
    startEarlyRead(['a'], () => new Promise((_, reject) => (fail = reject)));
    const claimed = claimEarlyRead(['a'], () => Promise.resolve('retried'));
    fail(new Error('401'));
    expect(await claimed).toBe('retried');

    startEarlyRead(['b'], () => Promise.reject(new Error('offline')));
    await new Promise((r) => setTimeout(r, 0));
    const ordinary = vi.fn(() => Promise.resolve('ordinary'));
    expect(await claimEarlyRead(['b'], ordinary)).toBe('ordinary');
    expect(ordinary).toHaveBeenCalledTimes(1);
  });

  it('drops an answer nobody claimed within 15 s', async () => {
    vi.useFakeTimers();
    startEarlyRead(['c'], () => Promise.resolve('stale'));
    vi.advanceTimersByTime(14_000);
    startEarlyRead(['d'], () => Promise.resolve('kept'));
    vi.advanceTimersByTime(1_000);
    expect(await claimEarlyRead(['c'], () => Promise.resolve('fresh'))).toBe('fresh');
    expect(await claimEarlyRead(['d'], () => Promise.resolve('fresh'))).toBe('kept');
  });
});

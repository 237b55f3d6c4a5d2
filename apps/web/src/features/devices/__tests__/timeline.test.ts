import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../timeline.ts';

const H = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('status timeline', () => {
  const from = Date.parse('2026-11-26T04:00:00Z');
  const to = from + 24 * H;

  it('starts the window with the last status before it and computes uptime', () => {
    const t = buildTimeline(
      [
        { at: iso(from - H), statusName: 'TCP_CONNECTED' },
        { at: iso(from + 6 * H), statusName: 'DISCONNECTED' },
        { at: iso(from + 12 * H), statusName: 'TLS_CONNECTED' },
      ],
      from,
      to,
    );
    expect(t.segments.map((s) => [s.status, (s.to - s.from) / H])).toEqual([
      ['TCP_CONNECTED', 6],
      ['DISCONNECTED', 6],
      ['TLS_CONNECTED', 12],
    ]);
    expect(t.uptime).toBeCloseTo(18 / 24);
    expect(t.unknownMs).toBe(0);
  });

  it('leaves time before the first known change out of the uptime', () => {
    const t = buildTimeline([{ at: iso(to - 2 * H), statusName: 'TCP_CONNECTED' }], from, to);
    expect(t.unknownMs).toBe(22 * H);
    expect(t.uptime).toBe(1);
  });

  it('has unknown uptime without history, and merges repeats of one status', () => {
    expect(buildTimeline([], from, to).uptime).toBeNull();
    const t = buildTimeline(
      [
        { at: iso(from + H), statusName: 'DISCONNECTED' },
        { at: iso(from + 2 * H), statusName: 'DISCONNECTED' },
      ],
      from,
      to,
    );
    expect(t.segments).toHaveLength(1);
    expect(t.uptime).toBe(0);
  });
});

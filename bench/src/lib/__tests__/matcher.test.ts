import { describe, expect, it } from 'vitest';
import { matchPolled, matchPushed } from '../matcher.ts';
import type { PlainChangeLog } from '../growable.ts';

const log = (rows: Array<[number, number, number]>): PlainChangeLog => ({
  deviceIDs: rows.map((r) => r[0]),
  statuses: rows.map((r) => r[1]),
  times: rows.map((r) => r[2]),
});

describe('matchPushed', () => {
  it('pairs each emit with its own arrival and counts the missing one as lost', () => {
    const emits = log([
      [7, 0, 100],
      [7, 1, 110],
      [7, 0, 120],
      [8, 0, 105],
    ]);
    const arrivals = log([
      [7, 0, 103],
      [7, 1, 114],
      [8, 0, 111],
    ]);
    const r = matchPushed(emits, arrivals);
    expect(r.latencies.sort((a, b) => a - b)).toEqual([3, 4, 6]);
    expect(r.lost).toBe(1);
  });

  it('ignores an arrival of an emit older than the window', () => {
    const r = matchPushed(
      log([[7, 0, 100]]),
      log([
        [7, 0, 50],
        [7, 0, 102],
      ]),
    );
    expect(r).toEqual({ latencies: [2], lost: 0 });
  });
});

describe('matchPolled', () => {
  it('matches the latest emit before a poll and counts the superseded ones as missed', () => {
    const emits = log([
      [7, 0, 100],
      [7, 1, 200],
      [7, 0, 300],
      [9, 1, 5100],
    ]);
    const detections = log([[7, 0, 5000]]);
    const r = matchPolled(emits, detections, 5000);
    expect(r.latencies).toEqual([4700]);
    expect(r.lost).toBe(2); // device 7's first two changes; device 9's change came after the last poll
  });
});

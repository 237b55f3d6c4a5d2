import { describe, expect, it } from 'vitest';
import { viewDifference, viewOf } from '../status-view.ts';

const CONNECTED = [1, 2];

describe('status views', () => {
  const truth = viewOf(
    [
      { deviceID: 10, status: 1 },
      { deviceID: 11, status: 2 },
      { deviceID: 12, status: 5 },
      { deviceID: 13, status: 1 },
    ],
    CONNECTED,
  );

  it('keeps the not-connected devices exactly and counts the connected ones per status', () => {
    expect(truth.connected).toEqual({ 1: 2, 2: 1 });
    expect([...truth.others]).toEqual([[12, 5]]);
    expect(viewDifference(truth, truth)).toBe(0);
  });

  it('counts a device down on one side and up on the other', () => {
    const stale = viewOf(
      [
        { deviceID: 10, status: 1 },
        { deviceID: 11, status: 2 },
        { deviceID: 12, status: 1 },
        { deviceID: 13, status: 6 },
      ],
      CONNECTED,
    );
    // 12 and 13 differ; the count of status 1 is the same (2), so only the set shows it.
    expect(viewDifference(stale, truth)).toBe(2);
    expect(viewDifference(truth, stale)).toBe(2);
  });

  it('counts a missing connected device through the per-status totals', () => {
    const fewer = viewOf(
      [
        { deviceID: 10, status: 1 },
        { deviceID: 12, status: 5 },
        { deviceID: 13, status: 1 },
      ],
      CONNECTED,
    );
    expect(viewDifference(fewer, truth)).toBe(1);
  });
});

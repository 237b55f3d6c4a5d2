import type { AvailabilityRow } from '@cmc/api';
import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent, sortRows } from '../report-format.ts';

const row = (
  deviceID: number,
  availabilityPercent: number | null,
  drops: number,
): AvailabilityRow => ({
  key: String(deviceID),
  deviceID,
  gatewayID: 'gw',
  tenantID: null,
  devices: 1,
  observedSeconds: 100,
  connectedSeconds: 90,
  availabilityPercent,
  drops,
  longestOutageSeconds: 10,
  meanTimeToReconnectSeconds: null,
  downAtEnd: false,
});

describe('report formatting', () => {
  it('formats durations and percentages', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(3.04)).toBe('3.0 s');
    expect(formatDuration(42.4)).toBe('42 s');
    expect(formatDuration(200)).toBe('3 min 20 s');
    expect(formatDuration(7500)).toBe('2 h 05 min');
    expect(formatDuration(3 * 86_400 + 4 * 3600)).toBe('3 d 4 h');
    expect(formatPercent(99.9512)).toBe('99.95 %');
    expect(formatPercent(null)).toBe('—');
  });

  it('sorts by a figure both ways with unknown figures last and device IDs as numbers', () => {
    const rows = [row(10, 50, 1), row(9, null, 0), row(100, 99, 3), row(2, 50, 2)];
    const ids = (s: Parameters<typeof sortRows>[1]) => sortRows(rows, s).map((r) => r.deviceID);
    expect(ids({ key: 'availabilityPercent', dir: 'asc' })).toEqual([2, 10, 100, 9]);
    expect(ids({ key: 'availabilityPercent', dir: 'desc' })).toEqual([100, 2, 10, 9]);
    expect(ids({ key: 'key', dir: 'asc' })).toEqual([2, 9, 10, 100]);
    expect(ids({ key: 'drops', dir: 'desc' })).toEqual([100, 2, 10, 9]);
  });
});

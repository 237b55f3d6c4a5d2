import type { AvailabilityRow } from '@cmc/api';

/** 0.5 s, 42 s, 3 min 20 s, 2 h 05 min, 3 d 4 h */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const s = Math.round(seconds);
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  if (s < 86_400)
    return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
  return `${Math.floor(s / 86_400)} d ${Math.floor((s % 86_400) / 3600)} h`;
}

export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(2)} %`;
}

export type SortKey =
  'key' | 'availabilityPercent' | 'drops' | 'longestOutageSeconds' | 'meanTimeToReconnectSeconds';

export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

/** Sorted copy; unknown figures (null) always last, ties by key. Device keys sort as numbers. */
export function sortRows(rows: readonly AvailabilityRow[], sort: Sort): AvailabilityRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const byKey = (a: AvailabilityRow, b: AvailabilityRow) =>
    a.deviceID !== null && b.deviceID !== null
      ? a.deviceID - b.deviceID
      : a.key.localeCompare(b.key);
  return [...rows].sort((a, b) => {
    if (sort.key === 'key') return sign * byKey(a, b);
    const x = a[sort.key];
    const y = b[sort.key];
    if (x === null || y === null) return x === y ? byKey(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byKey(a, b);
  });
}

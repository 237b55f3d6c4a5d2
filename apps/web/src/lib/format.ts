// Times, counts and ratios as the console shows them. The UI is written in English, so the words are
// English; the clock is the browser's time zone (a Date's local fields).
//
// Dates, clock times and relative times are written from those fields, not through Intl: the first
// Intl formatter of a page loads ICU's locale data on the main thread, 43-130 ms measured in the
// Devices table's first rows at 100,000 devices (bench/README.md, "Boot of the Devices page"), for
// output this module can write itself.

function timeOf(at: string | number | Date | null | undefined): number | undefined {
  if (at === null || at === undefined || at === '') return undefined;
  const time = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
  return Number.isFinite(time) ? time : undefined;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** Whole minutes (at least one), hours or days nearest to `s` seconds (s >= 45). */
function roundedUnit(s: number): [number, 'minute' | 'hour' | 'day'] {
  if (s < 90) return [1, 'minute'];
  if (s < 3600) return [Math.round(s / 60), 'minute'];
  if (s < 86_400) return [Math.round(s / 3600), 'hour'];
  return [Math.round(s / 86_400), 'day'];
}

/** "just now", "3 minutes ago", "2 hours ago", "5 days ago"; future times read "in 3 minutes". */
export function timeAgo(
  at: string | number | Date | null | undefined,
  now: number = Date.now(),
): string {
  const time = timeOf(at);
  if (time === undefined) return '—';
  const seconds = Math.round((time - now) / 1000);
  const s = Math.abs(seconds);
  if (s < 45) return seconds <= 0 ? 'just now' : 'in a few seconds';
  const [count, unit] = roundedUnit(s);
  const amount = `${formatCount(count)} ${unit}${count === 1 ? '' : 's'}`;
  return seconds < 0 ? `${amount} ago` : `in ${amount}`;
}

/** Local date and time for tooltips and tables: 2026-11-27 04:12:05. */
export function dateTime(at: string | number | null | undefined): string {
  const time = timeOf(at);
  if (time === undefined) return '—';
  const d = new Date(time);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** Local time of day for chart axes, 24 hours: 04:12. */
export function clockTime(at: number): string {
  const d = new Date(at);
  return `${two(d.getHours())}:${two(d.getMinutes())}`;
}

let countFormat: Intl.NumberFormat | undefined;

/** 12,345: whole numbers grouped by hand (no Intl on a page's first paint), others by Intl. */
export function formatCount(n: number): string {
  if (Number.isSafeInteger(n)) return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (countFormat ??= new Intl.NumberFormat('en-US')).format(n);
}

export function percent(ratio: number): string {
  if (!Number.isFinite(ratio)) return '—';
  return `${(ratio * 100).toFixed(ratio >= 0.995 || ratio === 0 ? 0 : 1)}%`;
}

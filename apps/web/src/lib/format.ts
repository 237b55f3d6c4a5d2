// Times, counts and ratios as the console shows them; dates and relative times through Intl.
// The UI is written in English, so the words are English; the clock is the browser's time zone.
import { clockOptions, dateTimeOptions, LOCALE, relativeTimeOptions } from './format-options.ts';

// Built on first use, all in one locale: constructing an Intl formatter loads its locale's data,
// which took 60-130 ms at start-up when four of them (three locales) were built as the app loaded.
// A worker builds them first as the page starts (warm-intl.ts): the locale data it loads is the
// process's, so the first one built here then takes a few ms instead of 40-70.
function lazy<T>(build: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= build());
}
const relative = lazy(() => new Intl.RelativeTimeFormat(LOCALE, relativeTimeOptions));
const dateTimeParts = lazy(() => new Intl.DateTimeFormat(LOCALE, dateTimeOptions));
const clockFormat = lazy(() => new Intl.DateTimeFormat(LOCALE, clockOptions));
const countFormat = lazy(() => new Intl.NumberFormat(LOCALE));

function timeOf(at: string | number | Date | null | undefined): number | undefined {
  if (at === null || at === undefined || at === '') return undefined;
  const time = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
  return Number.isFinite(time) ? time : undefined;
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
  if (s < 45) return seconds < 0 || seconds === 0 ? 'just now' : 'in a few seconds';
  const sign = Math.sign(seconds);
  if (s < 90) return relative().format(sign, 'minute');
  if (s < 3600) return relative().format(sign * Math.round(s / 60), 'minute');
  if (s < 86_400) return relative().format(sign * Math.round(s / 3600), 'hour');
  return relative().format(sign * Math.round(s / 86_400), 'day');
}

/** Local date and time for tooltips and tables: 2026-11-27 04:12:05. */
export function dateTime(at: string | number | null | undefined): string {
  const time = timeOf(at);
  if (time === undefined) return '—';
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of dateTimeParts().formatToParts(time)) part[type] = value;
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}

/** Local time of day for chart axes: 04:12. */
export function clockTime(at: number): string {
  return clockFormat().format(at);
}

/** 12,345: whole numbers grouped by hand (no Intl on the Devices page's first paint), others by Intl. */
export function formatCount(n: number): string {
  if (Number.isSafeInteger(n)) return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return countFormat().format(n);
}

export function percent(ratio: number): string {
  if (!Number.isFinite(ratio)) return '—';
  return `${(ratio * 100).toFixed(ratio >= 0.995 || ratio === 0 ? 0 : 1)}%`;
}

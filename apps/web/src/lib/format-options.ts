// The Intl formatters' locale and options, in a module of their own so the worker that warms the
// browser's locale data (warm-intl-worker.ts) builds exactly the formatters format.ts uses.

export const LOCALE = 'en-US';

export const relativeTimeOptions: Intl.RelativeTimeFormatOptions = {
  numeric: 'always',
  style: 'long',
};

/** 24-hour parts, assembled by format.ts into 2026-11-27 04:12:05. */
export const dateTimeOptions: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
};

export const clockOptions: Intl.DateTimeFormatOptions = {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

import { afterAll, describe, expect, it } from 'vitest';

// Intl formats in the process's time zone, fixed when a formatter is made: pin it before the
// module makes its formatters, so the expected strings hold on any machine.
const zone = process.env.TZ;
process.env.TZ = 'Asia/Seoul';
const { clockTime, dateTime, formatCount, timeAgo } = await import('../format.ts');
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('dates through Intl', () => {
  it('writes local date and time as 2026-11-27 04:12:05, midnight as 00, not 24', () => {
    expect(dateTime('2026-11-26T19:12:05Z')).toBe('2026-11-27 04:12:05');
    expect(dateTime(Date.parse('2026-11-26T15:00:09Z'))).toBe('2026-11-27 00:00:09');
  });

  it('shows a dash for missing or unreadable dates', () => {
    expect(dateTime(null)).toBe('—');
    expect(dateTime('')).toBe('—');
    expect(dateTime('yesterday-ish')).toBe('—');
  });

  it('writes the time of day for chart axes in 24 hours', () => {
    expect(clockTime(Date.parse('2026-11-26T15:07:00Z'))).toBe('00:07');
    expect(clockTime(Date.parse('2026-11-27T09:45:59Z'))).toBe('18:45');
  });

  it('words relative times, past and future, one unit at a time', () => {
    const now = Date.parse('2026-11-27T04:00:00Z');
    expect(timeAgo('2026-11-27T04:00:00Z', now)).toBe('just now');
    expect(timeAgo('2026-11-27T04:00:30Z', now)).toBe('in a few seconds');
    expect(timeAgo('2026-11-27T03:58:59Z', now)).toBe('1 minute ago');
    expect(timeAgo('2026-11-27T06:00:00Z', now)).toBe('in 2 hours');
    expect(timeAgo(new Date('2026-11-26T03:00:00Z'), now)).toBe('1 day ago');
  });

  it('groups counts with commas', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});

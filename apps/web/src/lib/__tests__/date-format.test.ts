import { afterAll, describe, expect, it } from 'vitest';

// Dates are written in the process's local time zone: pin it (before the module loads), so the
// expected strings hold on any machine.
const zone = process.env.TZ;
process.env.TZ = 'Asia/Seoul';
const { clockTime, dateTime, formatCount, timeAgo } = await import('../format.ts');
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('dates and times in the local time zone', () => {
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

  it('rounds to the nearest unit, names it in the plural past one, and groups large counts', () => {
    const now = Date.parse('2026-11-27T04:00:00Z');
    expect(timeAgo(now - 89_000, now)).toBe('1 minute ago');
    expect(timeAgo(now - 90_000, now)).toBe('2 minutes ago');
    expect(timeAgo(now + 90 * 60_000, now)).toBe('in 2 hours');
    expect(timeAgo(now - 1234 * 86_400_000, now)).toBe('1,234 days ago');
  });

  it('pads months, days and hours to two digits', () => {
    expect(dateTime('2026-01-04T23:01:02Z')).toBe('2026-01-05 08:01:02');
    expect(clockTime(Date.parse('2026-01-04T15:05:00Z'))).toBe('00:05');
  });

  it('groups counts with commas', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});

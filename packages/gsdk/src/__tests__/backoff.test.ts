import { describe, expect, it } from 'vitest';
import { backoffCeiling, defaultBackoff, fullJitterDelay } from '../backoff.ts';

describe('backoff', () => {
  it('doubles from 250 ms and caps at 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((attempt) => backoffCeiling(attempt, defaultBackoff))).toEqual(
      [250, 500, 1000, 2000, 4000, 8000, 10_000],
    );
    expect(backoffCeiling(10_000, defaultBackoff)).toBe(10_000);
  });

  it('full jitter spans [0, ceiling)', () => {
    expect(fullJitterDelay(3, defaultBackoff, () => 0)).toBe(0);
    expect(fullJitterDelay(3, defaultBackoff, () => 0.5)).toBe(1000);
    expect(fullJitterDelay(3, defaultBackoff, () => 0.999_999)).toBe(1999);
    expect(fullJitterDelay(40, { initialDelayMs: 100, maxDelayMs: 700 }, () => 0.5)).toBe(350);
  });

  it('spreads delays with the real random source', () => {
    const delays = Array.from({ length: 200 }, () => fullJitterDelay(4, defaultBackoff));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThan(4000);
    expect(new Set(delays).size).toBeGreaterThan(50);
  });
});

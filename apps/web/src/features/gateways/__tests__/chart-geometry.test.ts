import { describe, expect, it } from 'vitest';
import { chartGeometry, niceMax } from '../chart-geometry.ts';
import { totalsOf } from '../status-totals.ts';

describe('connected chart geometry', () => {
  it('rounds the y axis up to 1, 2 or 5 x 10^n', () => {
    expect([0, 1, 3, 7, 12, 180, 501, 9999].map(niceMax)).toEqual([
      1, 1, 5, 10, 20, 200, 1000, 10000,
    ]);
  });

  it('maps the first point to the left edge and the peak to the top', () => {
    const g = chartGeometry(
      [
        { t: 0, value: 0 },
        { t: 50, value: 10 },
        { t: 100, value: 5 },
      ],
      200,
      100,
      0,
      100,
    );
    expect(g.max).toBe(10);
    expect(g.line).toBe('M0.0,100.0L100.0,0.0L200.0,50.0');
    expect(g.area.endsWith('L200.0,100L0.0,100Z')).toBe(true);
  });

  it('draws nothing without points', () => {
    expect(chartGeometry([], 100, 100, 0, 1)).toMatchObject({ line: '', area: '' });
  });
});

describe('status totals', () => {
  it('folds per-status counts into connected / disconnected / failing', () => {
    expect(
      totalsOf({
        DISCONNECTED: 2,
        TCP_CONNECTED: 5,
        TLS_CONNECTED: 1,
        TCP_CANNOT_CONNECT: 1,
        TCP_NOT_ALLOWED: 0,
        TLS_CANNOT_CONNECT: 3,
        TLS_NOT_ALLOWED: 0,
      }),
    ).toEqual({ connected: 6, disconnected: 2, failing: 4, total: 12 });
    expect(totalsOf(null)).toEqual({ connected: 0, disconnected: 0, failing: 0, total: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import {
  addTo,
  AvailabilityFold,
  emptyAggregate,
  meanReconnectMs,
  percentOf,
  type DeviceFigures,
} from '../availability.ts';

const DISCONNECTED = 0;
const TCP = 1;
const TLS = 2;
const CANNOT = 0x100;
const NOT_ALLOWED = 0x201;

function figures(
  from: number,
  to: number,
  initial: number | null,
  changes: Array<[number, number]>,
): DeviceFigures {
  const fold = new AvailabilityFold(from, to, initial);
  for (const [at, status] of changes) fold.add(at, status);
  return fold.finish();
}

describe('availability of one device', () => {
  it('always connected: 100 %, no drops, no outage', () => {
    expect(figures(0, 1000, TCP, [])).toEqual({
      observedMs: 1000,
      connectedMs: 1000,
      drops: 0,
      longestOutageMs: 0,
      reconnectsMs: [],
      downAtEnd: false,
    });
  });

  it('two drops with reconnects: exact time sums, longest outage and reconnect times', () => {
    // up 0-100, down 100-130 (DISCONNECTED then TCP_CANNOT_CONNECT: one outage), up 130-500,
    // down 500-600, up (TLS) 600-1000
    const f = figures(0, 1000, TCP, [
      [100, DISCONNECTED],
      [110, CANNOT],
      [130, TCP],
      [500, DISCONNECTED],
      [600, TLS],
    ]);
    expect(f).toEqual({
      observedMs: 1000,
      connectedMs: 870,
      drops: 2,
      longestOutageMs: 100,
      reconnectsMs: [30, 100],
      downAtEnd: false,
    });
    expect(percentOf(f)).toBe(87);
  });

  it('state before the range comes from the last change before it; an outage at the start is clipped', () => {
    // down since before the range, back at 250, drops at 900 and stays down
    const f = figures(0, 1000, NOT_ALLOWED, [
      [250, TCP],
      [900, DISCONNECTED],
    ]);
    expect(f.observedMs).toBe(1000);
    expect(f.connectedMs).toBe(650);
    expect(f.drops).toBe(1);
    expect(f.longestOutageMs).toBe(250);
    // the first outage did not begin in range, the second did not end: no reconnect time
    expect(f.reconnectsMs).toEqual([]);
    expect(f.downAtEnd).toBe(true);
  });

  it('unknown before its first change: that time is not observed', () => {
    const f = figures(0, 1000, null, [
      [400, TCP],
      [700, DISCONNECTED],
      [800, TCP],
    ]);
    expect(f).toEqual({
      observedMs: 600,
      connectedMs: 500,
      drops: 1,
      longestOutageMs: 100,
      reconnectsMs: [100],
      downAtEnd: false,
    });
  });

  it('first known status is an outage: counted as outage, not as a drop', () => {
    const f = figures(1000, 2000, null, [
      [1500, CANNOT],
      [1800, TCP],
    ]);
    expect(f.observedMs).toBe(500);
    expect(f.connectedMs).toBe(200);
    expect(f.drops).toBe(0);
    expect(f.longestOutageMs).toBe(300);
    expect(f.reconnectsMs).toEqual([]);
  });

  it('never seen: nothing observed, availability unknown', () => {
    const f = figures(0, 1000, null, []);
    expect(f.observedMs).toBe(0);
    expect(percentOf(f)).toBeNull();
  });

  it('refuses changes out of order', () => {
    const fold = new AvailabilityFold(0, 1000, TCP);
    fold.add(500, DISCONNECTED);
    expect(() => fold.add(400, TCP)).toThrow(RangeError);
  });
});

describe('gateway and tenant totals', () => {
  it('sum the time, keep the longest outage and pool the reconnects', () => {
    const a = figures(0, 1000, TCP, [
      [100, DISCONNECTED],
      [400, TCP],
    ]); // 700 up, one 300 ms outage
    const b = figures(0, 1000, TCP, [
      [200, DISCONNECTED],
      [300, TCP],
      [600, DISCONNECTED],
      [700, TCP],
    ]); // 800 up, two 100 ms outages
    const c = figures(0, 1000, null, []); // never seen
    const total = emptyAggregate();
    for (const f of [a, b, c]) addTo(total, f);
    expect(total).toEqual({
      devices: 3,
      observedMs: 2000,
      connectedMs: 1500,
      drops: 3,
      longestOutageMs: 300,
      reconnects: 3,
      reconnectTotalMs: 500,
      downAtEnd: 0,
    });
    expect(percentOf(total)).toBe(75);
    expect(meanReconnectMs(total)).toBeCloseTo(500 / 3, 10);
  });
});

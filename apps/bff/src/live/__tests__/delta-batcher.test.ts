import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeviceStatus } from '@cmc/api';
import { createDeltaBatcher, type DeltaBatch, type PendingDelta } from '../delta-batcher.ts';

const STATUS = ['DISCONNECTED', 'TCP_CONNECTED', 'TLS_CONNECTED'] as const;
const change = (deviceID: number, status: 0 | 1 | 2, gatewayID = 'gw1') => ({
  deviceID,
  gatewayID,
  status: STATUS[status] as DeviceStatus,
  at: deviceID,
});

/** Each batch as [gatewayID, deviceIDs of its changes][]. */
const shape = (batches: DeltaBatch[]) =>
  batches.map((b) => [...b].map(([gw, d]) => [gw, d.changes.map((c) => c.deviceID)]));

describe('delta batcher', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('sends a change that finds the window idle at the end of the turn (leading edge)', () => {
    const out: DeltaBatch[] = [];
    const batcher = createDeltaBatcher(10, (b) => out.push(b));
    batcher.change('gw1', change(1, 1));
    batcher.change('gw2', change(2, 1, 'gw2')); // same turn: travels with it
    expect(out).toHaveLength(0);
    vi.advanceTimersToNextTimer(); // the setImmediate, 0 ms later
    expect(shape(out)).toEqual([
      [
        ['gw1', [1]],
        ['gw2', [2]],
      ],
    ]);
  });

  it('coalesces changes during the open window into one batch for all gateways at its end', () => {
    const out: DeltaBatch[] = [];
    const batcher = createDeltaBatcher(10, (b) => out.push(b));
    batcher.change('gw1', change(1, 1));
    vi.advanceTimersByTime(1); // leading edge sent, window open until t=10
    batcher.change('gw1', change(2, 0));
    vi.advanceTimersByTime(4);
    batcher.change('gw2', change(3, 1, 'gw2'));
    batcher.gateway('gw2', false, 7);
    batcher.change('gw1', change(4, 1));
    expect(out).toHaveLength(1);
    vi.advanceTimersByTime(4); // t=9
    expect(out).toHaveLength(1);
    vi.advanceTimersByTime(1); // t=10: the window's end
    expect(shape(out.slice(1))).toEqual([
      [
        ['gw1', [2, 4]],
        ['gw2', [3]],
      ],
    ]);
    expect(out[1]?.get('gw2')?.gateway).toEqual({ connected: false, at: 7 });
  });

  it('keeps the window open while changes keep coming and goes idle after a quiet window', () => {
    const out: DeltaBatch[] = [];
    const batcher = createDeltaBatcher(10, (b) => out.push(b));
    batcher.change('gw1', change(1, 1));
    vi.advanceTimersByTime(1); // leading edge at t=0
    vi.advanceTimersByTime(5);
    batcher.change('gw1', change(2, 1)); // t=6, inside the window
    vi.advanceTimersByTime(4); // t=10: sent, the next window runs to t=20
    expect(out).toHaveLength(2);
    vi.advanceTimersByTime(2);
    batcher.change('gw1', change(3, 1)); // t=12: waits for t=20, not sent at once
    vi.advanceTimersByTime(1);
    expect(out).toHaveLength(2);
    vi.advanceTimersByTime(7); // t=20
    expect(out).toHaveLength(3);
    vi.advanceTimersByTime(15); // t=35: the window from 20 to 30 was quiet, so idle now
    expect(out).toHaveLength(3);
    batcher.change('gw1', change(4, 1));
    vi.advanceTimersToNextTimer(); // leading edge again: no 10 ms wait
    expect(shape(out.slice(3))).toEqual([[['gw1', [4]]]]);
  });

  it('at 1,000 changes/s over 100 gateways sends at most one batch per window', () => {
    const out: DeltaBatch[] = [];
    const batcher = createDeltaBatcher(10, (b) => out.push(b));
    for (let ms = 0; ms < 1000; ms += 1) {
      batcher.change(`gw${ms % 100}`, change(ms, 1, `gw${ms % 100}`));
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(20);
    expect(out.length).toBeGreaterThanOrEqual(99);
    expect(out.length).toBeLessThanOrEqual(101);
    expect(
      out.reduce((n, b) => n + [...b.values()].reduce((m, d) => m + d.changes.length, 0), 0),
    ).toBe(1000);
  });

  it('flushes on demand and drops everything on stop', () => {
    const out: string[][] = [];
    const batcher = createDeltaBatcher(10, (b) => out.push([...b.keys()]));
    batcher.removed('gw1', 4);
    batcher.flush();
    expect(out).toEqual([['gw1']]);
    vi.advanceTimersByTime(50); // the leading edge found nothing left: no empty batch
    expect(out).toEqual([['gw1']]);
    batcher.added('gw2', {
      deviceID: 5,
      gatewayID: 'gw2',
      status: 'TCP_CONNECTED',
      type: 'BIOSTATION_L2',
      connectionMode: 'SERVER_TO_DEVICE',
      IPAddr: '',
      port: 1,
      useSSL: false,
      autoReconnect: false,
    });
    batcher.stop();
    vi.advanceTimersByTime(50);
    expect(out).toEqual([['gw1']]);
  });

  it('keeps each device consistent with the last thing that happened to it in a window', () => {
    const out: PendingDelta[] = [];
    const batcher = createDeltaBatcher(10, (b) => out.push(...b.values()));
    const row = (deviceID: number, status: 0 | 1 | 2) => ({
      deviceID,
      gatewayID: 'gw1',
      status: STATUS[status] as DeviceStatus,
      type: 'BIOSTATION_L2',
      connectionMode: 'SERVER_TO_DEVICE' as const,
      IPAddr: '',
      port: 1,
      useSSL: false,
      autoReconnect: false,
    });
    batcher.change('gw1', change(1, 0)); // 1 changes, then leaves
    batcher.removed('gw1', 1);
    batcher.removed('gw1', 2); // 2 leaves, then comes back
    batcher.added('gw1', row(2, 1));
    batcher.change('gw1', change(2, 0));
    batcher.change('gw1', change(3, 1)); // 3 changes, then its full row arrives
    batcher.added('gw1', row(3, 2));
    batcher.flush();
    expect(out[0]?.removed).toEqual([1]);
    expect(out[0]?.added.map((d) => [d.deviceID, d.status])).toEqual([
      [2, 'TCP_CONNECTED'],
      [3, 'TLS_CONNECTED'],
    ]);
    expect(out[0]?.changes.map((c) => [c.deviceID, c.status])).toEqual([[2, 'DISCONNECTED']]);
  });

  it('holds a device once per list within a window, and forgets the window once it is sent', () => {
    const out: PendingDelta[] = [];
    const batcher = createDeltaBatcher(10, (b) => out.push(...b.values()));
    const row = (deviceID: number, port: number) => ({
      deviceID,
      gatewayID: 'gw1',
      status: 'TCP_CONNECTED' as DeviceStatus,
      type: 'BIOSTATION_L2',
      connectionMode: 'SERVER_TO_DEVICE' as const,
      IPAddr: '',
      port,
      useSSL: false,
      autoReconnect: false,
    });
    // A gateway's first list: a thousand devices, one of them listed again with a newer row.
    for (let id = 1; id <= 1000; id++) batcher.added('gw1', row(id, 1));
    batcher.added('gw1', row(500, 2));
    batcher.removed('gw1', 7);
    batcher.removed('gw1', 7);
    batcher.flush();
    expect(out[0]?.added).toHaveLength(999);
    expect(out[0]?.added.at(-1)).toMatchObject({ deviceID: 500, port: 2 });
    expect(out[0]?.added.some((d) => d.deviceID === 7)).toBe(false);
    expect(out[0]?.removed).toEqual([7]);
    // The next window starts empty: a device of the last one is removed, not filtered away.
    batcher.removed('gw1', 1);
    batcher.change('gw1', change(2, 0));
    batcher.flush();
    expect(out[1]?.removed).toEqual([1]);
    expect(out[1]?.added).toEqual([]);
    expect(out[1]?.changes.map((c) => c.deviceID)).toEqual([2]);
  });

  it('refuses a negative window', () => {
    expect(() => createDeltaBatcher(-1, () => {})).toThrow(/batch window/);
  });
});

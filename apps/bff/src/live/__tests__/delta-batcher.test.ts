import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeltaBatcher, type PendingDelta } from '../delta-batcher.ts';

const change = (deviceID: number, status: number) => ({
  deviceID,
  gatewayID: 'gw1',
  status,
  statusName: String(status),
  at: deviceID,
});

describe('delta batcher', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('emits one delta per gateway per window, in arrival order', () => {
    const out: Array<[string, PendingDelta]> = [];
    const batcher = createDeltaBatcher(10, (gw, d) => out.push([gw, d]));
    batcher.change('gw1', change(1, 1));
    vi.advanceTimersByTime(5);
    batcher.change('gw1', change(2, 0));
    batcher.change('gw2', change(3, 1));
    batcher.gateway('gw2', false, 7);
    expect(out).toHaveLength(0);
    vi.advanceTimersByTime(5); // 10 ms after the first change, not after the last
    expect(out.map(([gw, d]) => [gw, d.changes.map((c) => c.deviceID), d.gateway])).toEqual([
      ['gw1', [1, 2], undefined],
      ['gw2', [3], { connected: false, at: 7 }],
    ]);
    vi.advanceTimersByTime(100);
    expect(out).toHaveLength(2);
  });

  it('flushes on demand and drops everything on stop', () => {
    const out: string[] = [];
    const batcher = createDeltaBatcher(10, (gw) => out.push(gw));
    batcher.removed('gw1', 4);
    batcher.flush();
    expect(out).toEqual(['gw1']);
    batcher.added('gw2', {
      deviceID: 5,
      gatewayID: 'gw2',
      status: 1,
      statusName: 'TCP_CONNECTED',
      type: 1,
      connectionMode: 0,
      IPAddr: '',
      port: 1,
      useSSL: false,
      autoReconnect: false,
    });
    batcher.stop();
    vi.advanceTimersByTime(50);
    expect(out).toEqual(['gw1']);
  });

  it('keeps each device consistent with the last thing that happened to it in a window', () => {
    const out: PendingDelta[] = [];
    const batcher = createDeltaBatcher(10, (_gw, d) => out.push(d));
    const row = (deviceID: number, status: number) => ({
      deviceID,
      gatewayID: 'gw1',
      status,
      statusName: '',
      type: 1,
      connectionMode: 0,
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
      [2, 1],
      [3, 2],
    ]);
    expect(out[0]?.changes.map((c) => [c.deviceID, c.status])).toEqual([[2, 0]]);
  });

  it('refuses a negative window', () => {
    expect(() => createDeltaBatcher(-1, () => {})).toThrow(/batch window/);
  });
});

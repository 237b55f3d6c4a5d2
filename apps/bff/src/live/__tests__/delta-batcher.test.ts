import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeltaBatcher, type PendingDelta } from '../delta-batcher.ts';

const change = (deviceID: number, status: number) => ({ deviceID, gatewayID: 'gw1', status, statusName: String(status), at: deviceID });

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
    batcher.added('gw2', { deviceID: 5, gatewayID: 'gw2', status: 1, statusName: 'TCP_CONNECTED', type: 1, connectionMode: 0, IPAddr: '', port: 1, useSSL: false, autoReconnect: false });
    batcher.stop();
    vi.advanceTimersByTime(50);
    expect(out).toEqual(['gw1']);
  });

  it('refuses a negative window', () => {
    expect(() => createDeltaBatcher(-1, () => {})).toThrow(/batch window/);
  });
});

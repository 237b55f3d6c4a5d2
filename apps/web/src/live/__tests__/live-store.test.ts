import { afterEach, describe, expect, it, vi } from 'vitest';
import { liveStore } from '../live-store.ts';
import { throttle } from '../throttle.ts';

describe('live store', () => {
  afterEach(() => liveStore.reset());

  it('keeps the feed newest first and bounded', () => {
    for (let i = 0; i < 60; i++)
      liveStore.pushFeed([
        { key: String(i), deviceID: i, gatewayID: 'g', statusName: 'DISCONNECTED', at: i },
      ]);
    liveStore.pushFeed([
      { key: 'a', deviceID: 100, gatewayID: 'g', statusName: 'TCP_CONNECTED', at: 100 },
      { key: 'b', deviceID: 101, gatewayID: 'g', statusName: 'TCP_CONNECTED', at: 101 },
    ]);
    const feed = liveStore.get().feed;
    expect(feed).toHaveLength(50);
    expect(feed.slice(0, 3).map((f) => f.key)).toEqual(['b', 'a', '59']);
  });

  it('is degraded while any gateway is, and live again when all recovered', () => {
    liveStore.setMode('degraded', ['g1', 'g2'], 'stream broke');
    liveStore.setMode('live', ['g1'], null);
    expect(liveStore.get()).toMatchObject({
      mode: 'degraded',
      degradedGateways: ['g2'],
      reason: 'stream broke',
    });
    liveStore.setMode('live', ['g2'], null);
    expect(liveStore.get()).toMatchObject({ mode: 'live', degradedGateways: [], reason: null });
  });

  it('notifies subscribers only on real changes of gateway state', () => {
    const listener = vi.fn();
    const off = liveStore.subscribe(listener);
    liveStore.setGatewayConnected('g1', true);
    liveStore.setGatewayConnected('g1', true);
    off();
    liveStore.setGatewayConnected('g1', false);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('throttle', () => {
  it('collapses a burst into one trailing call per window', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const t = throttle(fn, 1000);
    for (let i = 0; i < 50; i++) t();
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(fn).toHaveBeenCalledTimes(1);
    t();
    vi.advanceTimersByTime(500);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(500);
    expect(fn).toHaveBeenCalledTimes(2);
    t();
    t.cancel();
    vi.advanceTimersByTime(5000);
    expect(fn).toHaveBeenCalledTimes(2);
    vi.useRealTimers();
  });
});

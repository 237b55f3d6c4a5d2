import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeviceStatus } from '@cmc/api';
import { adaptiveWindow, BatchWindow } from '../batch-window.ts';
import { createDeltaBatcher, type DeltaBatch } from '../delta-batcher.ts';

const change = (deviceID: number, gatewayID = 'gw1') => ({
  deviceID,
  gatewayID,
  status: 'TCP_CONNECTED' as DeviceStatus,
  at: deviceID,
});

/**
 * The hub's batcher (10 ms setting) whose sends each "take" sendMs on the batcher's clock (fake
 * timers do not move while a send runs). Records when each batch went out, in fake ms.
 */
function hubBatcher(sendMs: () => number) {
  const sentAt: number[] = [];
  const batches: DeltaBatch[] = [];
  let cost = 0;
  const batcher = createDeltaBatcher(
    adaptiveWindow(10),
    (b) => {
      sentAt.push(Date.now());
      batches.push(b);
      cost += sendMs();
    },
    () => Date.now() + cost,
  );
  return { batcher, sentAt, batches };
}

/** Sends one change every `everyMs` for `forMs` (fake time); returns when each change was queued. */
function churn(batcher: ReturnType<typeof hubBatcher>['batcher'], everyMs: number, forMs: number) {
  const queuedAt = new Map<number, number>();
  for (let t = 0, id = 1; t < forMs; t += everyMs, id++) {
    queuedAt.set(id, Date.now());
    batcher.change(`gw${id % 100}`, change(id, `gw${id % 100}`));
    vi.advanceTimersByTime(everyMs);
  }
  vi.advanceTimersByTime(50);
  return queuedAt;
}

/** Longest wait of any change between being queued and its batch going out. */
function longestWait(queuedAt: Map<number, number>, sentAt: number[], batches: DeltaBatch[]) {
  let longest = 0;
  batches.forEach((b, i) => {
    for (const d of b.values())
      for (const c of d.changes) {
        const queued = queuedAt.get(c.deviceID);
        if (queued !== undefined) longest = Math.max(longest, sentAt[i]! - queued);
      }
  });
  return longest;
}

describe('adaptive batch window', () => {
  beforeEach(() => void vi.useFakeTimers({ now: 0 }));
  afterEach(() => void vi.useRealTimers());

  it('sends an isolated change at the end of the turn, also right after a busy period', () => {
    const { batcher, sentAt } = hubBatcher(() => 4);
    churn(batcher, 1, 200); // sends of 4 ms widen the window to the 10 ms bound
    const before = sentAt.length;
    vi.advanceTimersByTime(100); // quiet: the window goes idle
    const t = Date.now();
    batcher.change('gw1', change(99_999));
    vi.advanceTimersToNextTimer(); // the setImmediate
    expect(sentAt.slice(before)).toEqual([t]);
  });

  it('with cheap sends, a change waits at most 1 ms at 1,000 changes/s', () => {
    const { batcher, sentAt, batches } = hubBatcher(() => 0.1);
    const queuedAt = churn(batcher, 1, 1000);
    expect(longestWait(queuedAt, sentAt, batches)).toBeLessThanOrEqual(1);
  });

  it('with cheap sends still batches: at 5,000 changes/s, at most one send per ms', () => {
    const { batcher, sentAt, batches } = hubBatcher(() => 0.1);
    for (let t = 0, id = 1; t < 200; t++) {
      for (let i = 0; i < 5; i++, id++)
        batcher.change(`gw${id % 100}`, change(id, `gw${id % 100}`));
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(50);
    expect(sentAt.length).toBeLessThanOrEqual(200 + 1);
    const sent = batches.reduce(
      (n, b) => n + [...b.values()].reduce((m, d) => m + d.changes.length, 0),
      0,
    );
    expect(sent).toBe(1000);
  });

  it('under load widens the window so sends take about 60 % of the time', () => {
    // Many sockets: each send takes 3 ms -> window 2 ms -> a send every 5 ms, 60 % of it sending
    // (fake time stands still during a send, so the time spent sending is added here).
    const { batcher, sentAt, batches } = hubBatcher(() => 3);
    const queuedAt = churn(batcher, 1, 1000);
    const busy = sentAt.length * 3;
    const share = busy / (1050 + busy);
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThanOrEqual(0.65);
    expect(longestWait(queuedAt, sentAt, batches)).toBeLessThanOrEqual(10);
  });

  it('never opens a window longer than the setting, however costly sends are', () => {
    const { batcher, sentAt, batches } = hubBatcher(() => 50);
    const queuedAt = churn(batcher, 1, 500);
    expect(longestWait(queuedAt, sentAt, batches)).toBeLessThanOrEqual(10);
    expect(sentAt.length).toBeGreaterThanOrEqual(45);
  });

  it('narrows again once sends get cheap', () => {
    let cost = 3;
    const { batcher, sentAt, batches } = hubBatcher(() => cost);
    churn(batcher, 1, 300);
    cost = 0.1;
    const from = batches.length;
    const queuedAt = churn(batcher, 1, 300);
    // The running cost decays within a few sends; the last 150 ms wait <= 1 ms each.
    const late = new Map([...queuedAt].filter(([, t]) => t >= Date.now() - 150));
    const idx = batches.map((_, i) => i).filter((i) => i >= from);
    expect(
      longestWait(
        late,
        idx.map((i) => sentAt[i]!),
        idx.map((i) => batches[i]!),
      ),
    ).toBeLessThanOrEqual(1);
  });
});

describe('BatchWindow', () => {
  it('follows the running send cost between its bounds', () => {
    const w = new BatchWindow({ minMs: 2, maxMs: 10, duty: 0.25 });
    expect(w.current()).toBe(2);
    expect(w.next(0.1)).toBe(2);
    expect(w.next(3)).toBeCloseTo(3 * (0.1 + 0.2 * 2.9), 5); // running cost 0.68 ms
    for (let i = 0; i < 50; i++) w.next(3);
    expect(w.current()).toBeCloseTo(9, 1); // 3 ms sends, 3 x 3 ms window: a quarter busy
    expect(w.next(1000)).toBe(10);
  });

  it('is fixed when the bounds are equal', () => {
    const w = new BatchWindow({ minMs: 10, maxMs: 10, duty: 1 });
    expect(w.next(0)).toBe(10);
    expect(w.next(100)).toBe(10);
  });

  it('refuses bounds that make no sense, naming them', () => {
    expect(() => new BatchWindow({ minMs: -1, maxMs: 10, duty: 0.5 })).toThrow(/>= 0 ms/);
    expect(() => new BatchWindow({ minMs: 5, maxMs: 2, duty: 0.5 })).toThrow(/longest/);
    expect(() => new BatchWindow({ minMs: 1, maxMs: 2, duty: 0 })).toThrow(/duty/);
    expect(adaptiveWindow(1)).toEqual({ minMs: 1, maxMs: 1, duty: 0.6 });
  });
});

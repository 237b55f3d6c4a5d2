// The write-behind queue alone: a writer that fails keeps its rows (bounded, oldest dropped and
// counted), retries with a growing delay, and reports the failure and the recovery once each.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StorageReporter } from '../storage-health.ts';
import { WriteBehind } from '../write-behind.ts';

afterEach(() => {
  vi.useRealTimers();
});

function setup(maxPending = 5) {
  const written: number[] = [];
  const events: string[] = [];
  let broken = false;
  const reporter: StorageReporter = {
    failed: (source, error) => events.push(`failed ${source} ${(error as Error).message}`),
    recovered: (source) => events.push(`recovered ${source}`),
    dropped: (source, count) => events.push(`dropped ${source} ${count}`),
  };
  const queue = new WriteBehind<number>({
    source: 'test',
    flushIntervalMs: 10,
    maxBatch: 100,
    maxPending,
    retryMinMs: 100,
    retryMaxMs: 400,
    reporter,
    write(batch) {
      if (broken)
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      written.push(...batch);
    },
  });
  return { queue, written, events, setBroken: (b: boolean) => (broken = b) };
}

describe('WriteBehind', () => {
  it('writes on the timer while the writer works', () => {
    vi.useFakeTimers();
    const { queue, written } = setup();
    queue.push(1);
    queue.push(2);
    expect(written).toEqual([]);
    vi.advanceTimersByTime(10);
    expect(written).toEqual([1, 2]);
    expect(queue.pending).toBe(0);
  });

  it('keeps failed rows in order, bounded, and writes them once the writer works again', () => {
    vi.useFakeTimers();
    const { queue, written, events, setBroken } = setup(5);
    setBroken(true);
    for (let i = 1; i <= 3; i++) queue.push(i);
    vi.advanceTimersByTime(10);
    expect(queue.failing).toBe(true);
    expect(queue.pending).toBe(3);
    expect(events).toEqual(['failed test database or disk is full']);
    for (let i = 4; i <= 8; i++) queue.push(i);
    // Bound of 5: the three oldest are dropped and counted.
    expect(queue.pending).toBe(5);
    expect(queue.dropped).toBe(3);
    // Retries back off: 100, 200, 400, 400 ms.
    vi.advanceTimersByTime(100 + 200 + 400);
    expect(written).toEqual([]);
    setBroken(false);
    vi.advanceTimersByTime(400);
    expect(written).toEqual([4, 5, 6, 7, 8]);
    expect(queue.failing).toBe(false);
    expect(events.filter((e) => e.startsWith('recovered'))).toEqual(['recovered test']);
    expect(events.filter((e) => e.startsWith('dropped'))).toEqual([
      'dropped test 1',
      'dropped test 1',
      'dropped test 1',
    ]);
  });

  it('close() writes what it can and counts what it cannot', () => {
    const { queue, written, events, setBroken } = setup();
    queue.push(1);
    setBroken(true);
    queue.close();
    expect(written).toEqual([]);
    expect(queue.pending).toBe(0);
    expect(queue.dropped).toBe(1);
    expect(events.at(-1)).toBe('dropped test 1');
  });
});

import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { StatusHub, type EventSink } from '../status-hub.ts';

/** A real Writable whose consumer we hold back, standing in for a gRPC stream under flow control. */
function heldSink(highWaterMark = 2, hold = true) {
  const written: number[] = [];
  const pendingCallbacks: (() => void)[] = [];
  const sink = new Writable({
    objectMode: true,
    highWaterMark,
    write(chunk: { n: number }, _enc, cb) {
      written.push(chunk.n);
      if (hold) pendingCallbacks.push(cb);
      else cb();
    },
  });
  const release = async () => {
    while (pendingCallbacks.length) {
      pendingCallbacks.shift()!();
      await new Promise((r) => setImmediate(r));
    }
  };
  return { sink: sink as unknown as EventSink<{ n: number }>, written, release };
}

describe('StatusHub', () => {
  it('keeps at most queueSize events per blocked subscriber, dropping the oldest and counting drops', async () => {
    const hub = new StatusHub<{ n: number }>();
    const slow = heldSink();
    hub.subscribe('slow', slow.sink, 3, () => true);
    for (let n = 1; n <= 20; n++) hub.publish({ n });
    const [stats] = hub.stats();
    expect(stats).toMatchObject({ queueSize: 3, queued: 3 });
    // What the stream buffer took before blocking, plus the queue, plus the drops = everything.
    expect(stats!.delivered + stats!.queued + stats!.dropped).toBe(20);
    expect(stats!.dropped).toBeGreaterThan(0);
    await slow.release();
    await slow.release();
    // After draining, the newest three survived in order.
    expect(slow.written.slice(-3)).toEqual([18, 19, 20]);
    expect(hub.stats()[0]!.queued).toBe(0);
  });

  it('queueSize 0 means 100; filters decide per subscriber; unsubscribe and breakAll remove them', () => {
    const hub = new StatusHub<{ n: number }>();
    const a = heldSink(16, false);
    const b = heldSink(16, false);
    const offA = hub.subscribe('a', a.sink, 0, (e) => e.n % 2 === 0);
    hub.subscribe('b', b.sink, 10, () => true);
    for (let n = 1; n <= 6; n++) hub.publish({ n });
    expect(a.written).toEqual([2, 4, 6]);
    expect(b.written).toEqual([1, 2, 3, 4, 5, 6]);
    expect(hub.stats().map((s) => s.queueSize)).toEqual([100, 10]);
    offA();
    expect(hub.count).toBe(1);
    const errors: unknown[] = [];
    (b.sink as unknown as Writable).on('error', (e) => errors.push(e));
    expect(hub.breakAll('bye')).toBe(1);
    expect(errors).toMatchObject([{ code: 14, details: 'bye' }]);
    expect(hub.count).toBe(0);
  });
});

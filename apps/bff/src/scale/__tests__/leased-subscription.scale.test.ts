// LeasedSubscription on a real Redis with scripted master streams: one holder opens the master
// stream and relays it; the follower sees the same events; when the holder can no longer renew its
// lease (its Redis connection is gone, as when the process dies) the follower takes over and opens
// its own master stream; a lost relay message makes the follower reconcile.
import type { StatusEvent, StatusSubscription } from '@cmc/gsdk';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually } from '../../live/__tests__/live-world.ts';
import { createLogger } from '../../logger.ts';
import { LeasedSubscription } from '../leased-subscription.ts';
import { RelayBus } from '../relay-bus.ts';
import { StreamLease } from '../stream-lease.ts';

type Change = { deviceID: number; status: number };
const logger = createLogger({ level: 'silent' });
const url = inject('redisUrl');
const connections: Redis[] = [];
const connect = () => {
  const c = new Redis(url, { maxRetriesPerRequest: 1, retryStrategy: () => null });
  c.on('error', () => undefined);
  connections.push(c);
  return c;
};

/** A master stream the test drives; records whether it was opened and cancelled. */
function scriptedMaster() {
  const queue: Array<StatusEvent<Change>> = [];
  let wake: (() => void) | undefined;
  const m = {
    opened: 0,
    cancelled: false,
    push(e: StatusEvent<Change>) {
      queue.push(e);
      wake?.();
    },
    open(): StatusSubscription<Change> {
      m.opened += 1;
      return {
        cancel() {
          m.cancelled = true;
          wake?.();
        },
        get cancelled() {
          return m.cancelled;
        },
        dropped: 0,
        async *[Symbol.asyncIterator]() {
          while (!m.cancelled) {
            const next = queue.shift();
            if (next) yield next;
            else await new Promise<void>((r) => (wake = r));
          }
        },
      };
    },
  };
  return m;
}

/** Collects what the live feed would read from a subscription. */
function collect(sub: StatusSubscription<Change>): string[] {
  const seen: string[] = [];
  void (async () => {
    for await (const e of sub)
      seen.push(
        e.type === 'change'
          ? `change ${e.change.deviceID}:${e.change.status}`
          : e.type === 'subscribed'
            ? `subscribed ${e.resubscribed}`
            : 'error',
      );
  })();
  return seen;
}

function instance(key: string, token: string, master: ReturnType<typeof scriptedMaster>) {
  const commands = connect();
  // The relay connection reconnects (as in production), so a killed pub/sub client comes back.
  const relayConnection = new Redis(url, { retryStrategy: () => 50 });
  relayConnection.on('error', () => undefined);
  connections.push(relayConnection);
  const sub = new LeasedSubscription<Change>({
    lease: new StreamLease(commands, key, token, 600),
    relay: new RelayBus(relayConnection, logger),
    open: () => master.open(),
    logger,
    renewMs: 150,
  });
  return { sub, commands, seen: collect(sub) };
}

beforeAll(async () => {
  await connect().flushdb();
});
afterAll(() => {
  for (const c of connections) c.disconnect();
});

describe('LeasedSubscription', () => {
  it('opens one master stream, relays it to the follower, and hands over when the holder dies', async () => {
    const key = 'cmc:lease:status:unit-1';
    const masterA = scriptedMaster();
    const masterB = scriptedMaster();
    const a = instance(key, 'A', masterA);
    await eventually(() => expect(a.sub.holding).toBe(true));
    const b = instance(key, 'B', masterB);
    masterA.push({ type: 'subscribed', resubscribed: false });
    await eventually(() => expect(b.seen).toEqual(['subscribed false']));
    masterA.push({ type: 'change', change: { deviceID: 1, status: 0 } });
    masterA.push({ type: 'change', change: { deviceID: 2, status: 1 } });
    await eventually(() =>
      expect(b.seen).toEqual(['subscribed false', 'change 1:0', 'change 2:1']),
    );
    expect(a.seen).toEqual(['subscribed false', 'change 1:0', 'change 2:1']);
    expect(b.sub.holding).toBe(false);
    expect(masterB.opened).toBe(0);

    // A "dies": its Redis connection is gone, so it cannot renew; the lease expires.
    a.commands.disconnect();
    await eventually(() => expect(b.sub.holding).toBe(true), 5000);
    expect(masterB.opened).toBe(1);
    expect(b.seen.at(-1)).toBe('error'); // degraded until the new master stream is up
    await eventually(() => expect(masterA.cancelled).toBe(true), 5000); // A stepped down on its own
    masterB.push({ type: 'subscribed', resubscribed: false });
    await eventually(() => expect(b.seen.at(-1)).toBe('subscribed false'));
    a.sub.cancel();
    b.sub.cancel();
  });

  it('makes a follower reconcile (error, then subscribed again) when a relay message was lost', async () => {
    const key = 'cmc:lease:status:unit-2';
    const master = scriptedMaster();
    const a = instance(key, 'A', master);
    await eventually(() => expect(a.sub.holding).toBe(true));
    const b = instance(key, 'B', scriptedMaster());
    master.push({ type: 'subscribed', resubscribed: false });
    await eventually(() => expect(b.seen).toEqual(['subscribed false']));
    // Message 2 never arrives; 3 does.
    await connect().publish(
      'cmc:relay:unit-2',
      JSON.stringify({ h: 'A', n: 3, t: 'c', c: { deviceID: 5, status: 2 } }),
    );
    await eventually(() =>
      expect(b.seen).toEqual(['subscribed false', 'error', 'subscribed true', 'change 5:2']),
    );
    a.sub.cancel();
    b.sub.cancel();
  });

  it('steps down (cancels its master stream) when its renewal is refused, and does not follow a holder whose stream is not up', async () => {
    const key = 'cmc:lease:status:unit-4';
    const master = scriptedMaster();
    const a = instance(key, 'A', master);
    await eventually(() => expect(a.sub.holding).toBe(true));
    await connect().set(key, 'X', 'PX', 60_000); // another instance now owns the lease
    await eventually(() => expect(master.cancelled).toBe(true), 3000);
    expect(a.sub.holding).toBe(false);
    expect(a.seen.at(-1)).toBe('error');
    await new Promise((r) => setTimeout(r, 400));
    expect(a.seen.filter((e) => e.startsWith('subscribed'))).toEqual([]);
    a.sub.cancel();
  });

  it('re-reads (error, then subscribed again) after its relay connection was dropped', async () => {
    const key = 'cmc:lease:status:unit-5';
    const master = scriptedMaster();
    const a = instance(key, 'A', master);
    await eventually(() => expect(a.sub.holding).toBe(true));
    const b = instance(key, 'B', scriptedMaster());
    master.push({ type: 'subscribed', resubscribed: false });
    await eventually(() => expect(b.seen).toEqual(['subscribed false']));
    await connect().client('KILL', 'TYPE', 'pubsub');
    await eventually(
      () => expect(b.seen).toEqual(['subscribed false', 'error', 'subscribed true']),
      5000,
    );
    master.push({ type: 'change', change: { deviceID: 3, status: 1 } });
    await eventually(() => expect(b.seen.at(-1)).toBe('change 3:1'));
    a.sub.cancel();
    b.sub.cancel();
  });

  it('hands over at once when the holder stops gracefully (releases its lease)', async () => {
    const key = 'cmc:lease:status:unit-3';
    const masterA = scriptedMaster();
    const masterB = scriptedMaster();
    const a = instance(key, 'A', masterA);
    await eventually(() => expect(a.sub.holding).toBe(true));
    const b = instance(key, 'B', masterB);
    await new Promise((r) => setTimeout(r, 200));
    const stoppedAt = Date.now();
    a.sub.cancel();
    await eventually(() => expect(b.sub.holding).toBe(true), 5000);
    expect(Date.now() - stoppedAt).toBeLessThan(600); // well before the 600 ms ttl would have run out
    expect(masterA.cancelled).toBe(true);
    b.sub.cancel();
  });
});

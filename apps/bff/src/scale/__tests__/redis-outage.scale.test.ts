// A Redis outage with production-like connections (connectRedis: reconnecting, bounded retries): the
// holder stops its master stream once it cannot prove it holds the lease, the follower turns degraded,
// and when Redis is back (empty: no persistence) one holder opens a new master stream and the follower
// follows it again with a fresh re-read. Uses its own redis-server, so the shared one stays up.
import type { StatusEvent, StatusSubscription } from '@cmc/gsdk';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from '../../live/__tests__/live-world.ts';
import { createLogger } from '../../logger.ts';
import { LeasedSubscription } from '../leased-subscription.ts';
import { connectRedis } from '../redis-connect.ts';
import { RelayBus } from '../relay-bus.ts';
import { StreamLease } from '../stream-lease.ts';
import { startRedisServer, type RedisServer } from './redis-server.ts';

type Change = { deviceID: number };
const logger = createLogger({ level: 'silent' });
const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** Master streams opened by one instance; each can be told it is subscribed. */
function masters() {
  const opened: Array<{ cancelled: boolean; push(e: StatusEvent<Change>): void }> = [];
  const open = (): StatusSubscription<Change> => {
    const queue: Array<StatusEvent<Change>> = [];
    let wake: (() => void) | undefined;
    const m = {
      cancelled: false,
      push(e: StatusEvent<Change>) {
        queue.push(e);
        wake?.();
      },
    };
    opened.push(m);
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
  };
  return { opened, open };
}

async function instance(redisUrl: string, token: string) {
  const commands = await connectRedis(redisUrl, `${token}-commands`, logger, 2000);
  const relay = await connectRedis(redisUrl, `${token}-relay`, logger, 2000);
  cleanups.push(
    () => commands.disconnect(),
    () => relay.disconnect(),
  );
  const m = masters();
  const sub = new LeasedSubscription<Change>({
    lease: new StreamLease(commands, 'cmc:lease:status:outage', token, 600),
    relay: new RelayBus(relay, logger),
    open: m.open,
    logger,
    renewMs: 150,
  });
  cleanups.push(() => sub.cancel());
  const seen: string[] = [];
  void (async () => {
    for await (const e of sub)
      seen.push(e.type === 'subscribed' ? `subscribed ${e.resubscribed}` : e.type);
  })();
  return { sub, masters: m.opened, seen };
}

describe('Redis outage', () => {
  it('stops the master stream without Redis and picks one holder again when Redis is back', async () => {
    let redis: RedisServer = await startRedisServer();
    cleanups.push(() => redis.stop());
    const a = await instance(redis.url, 'A');
    await eventually(() => expect(a.sub.holding).toBe(true));
    const b = await instance(redis.url, 'B');
    a.masters[0]!.push({ type: 'subscribed', resubscribed: false });
    await eventually(() => expect(b.seen).toEqual(['subscribed false']));

    await redis.stop();
    // The holder cannot renew: after one ttl it must no longer keep the stream open.
    await eventually(() => expect(a.masters[0]!.cancelled).toBe(true), 5000);
    await eventually(() => expect(b.seen.at(-1)).toBe('error'), 5000);

    redis = await startRedisServer(redis.port);
    const holder = await eventually(() => {
      const h = [a, b].filter((i) => i.sub.holding);
      expect(h).toHaveLength(1);
      return h[0]!;
    }, 15_000);
    const follower = holder === a ? b : a;
    const stream = holder.masters.at(-1)!;
    expect(stream.cancelled).toBe(false);
    stream.push({ type: 'subscribed', resubscribed: false });
    await eventually(() => expect(follower.seen.at(-1)).toBe('subscribed true'), 5000);
    stream.push({ type: 'change', change: { deviceID: 42 } });
    await eventually(() => expect(follower.seen.at(-1)).toBe('change'));
    // Only the holder's newest master stream is open.
    expect([...a.masters, ...b.masters].filter((m) => !m.cancelled)).toEqual([stream]);
  });
});

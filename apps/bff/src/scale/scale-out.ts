// Everything REDIS_URL switches on, built in one place: the Redis connections, the socket.io redis
// adapter, Redis sessions and login counters, and the leased status streams (docs/scale-out.md).
import { randomBytes } from 'node:crypto';
import type { StatusSubscription } from '@cmc/gsdk';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import type { LoginThrottle, ThrottlePolicy } from '../auth/login-throttle.ts';
import type { SessionStore } from '../auth/session-store.ts';
import type { StatusStreams } from '../live/types.ts';
import type { Logger } from '../logger.ts';
import { LeasedSubscription } from './leased-subscription.ts';
import { connectRedis } from './redis-connect.ts';
import { createRedisHealthCheck, type RedisHealth } from './redis-health.ts';
import { createRedisLoginThrottle } from './redis-login-throttle.ts';
import { createRedisSessionStore } from './redis-session-store.ts';
import { redisSerializeByKey } from './redis-serialize-by-key.ts';
import { RelayBus } from './relay-bus.ts';
import type { SerializeByKey } from './serialize-by-key.ts';
import { deviceLeaseKey, GATEWAY_LEASE_KEY, StreamLease } from './stream-lease.ts';

export interface ScaleOutOptions {
  url: string;
  sessionSecret: string;
  logger: Logger;
  /** Lease lifetime: how long a dead holder keeps its streams before another instance takes them. */
  leaseTtlMs?: number;
  /** Holder renewal and follower check interval; well below the ttl so one slow renewal is not fatal. */
  renewMs?: number;
}

export interface ScaleOut {
  /** Random per process: names this instance as a lease holder. */
  readonly instanceToken: string;
  readonly redis: Redis;
  /** For /readyz: a PING on the commands connection, answered within about 1 s. */
  checkRedis(): Promise<RedisHealth>;
  sessions: SessionStore;
  throttle(name: string, policy: ThrottlePolicy): LoginThrottle;
  /** Each key's changes one at a time across every instance (a Redis lock per key). */
  serializer(scope: string, describe: (key: string) => string): SerializeByKey;
  /** For `io.adapter(...)`: rooms and server-side operations across every instance. */
  adapter: ReturnType<typeof createAdapter>;
  streams: StatusStreams;
  close(): Promise<void>;
}

export async function createScaleOut(options: ScaleOutOptions): Promise<ScaleOut> {
  const logger = options.logger.child({ module: 'scale-out' });
  const ttlMs = options.leaseTtlMs ?? 4000;
  const renewMs = options.renewMs ?? 1000;
  if (renewMs * 2 > ttlMs)
    throw new Error(
      `scale-out: lease renewal every ${renewMs} ms must be at most half the lease ttl (${ttlMs} ms)`,
    );

  // Commands, adapter publish, adapter subscribe, relay subscribe: a subscribed connection can do nothing else.
  const redis = await connectRedis(options.url, 'commands', logger);
  const clients = [redis];
  try {
    for (const name of ['adapter-pub', 'adapter-sub', 'relay-sub'])
      clients.push(await connectRedis(options.url, name, logger));
  } catch (error) {
    for (const c of clients) c.disconnect();
    throw error;
  }
  const [, adapterPub, adapterSub, relaySub] = clients as [Redis, Redis, Redis, Redis];
  const instanceToken = randomBytes(16).toString('base64url');
  const relay = new RelayBus(relaySub, logger);
  const subscriptions = new Set<LeasedSubscription<unknown>>();

  function leased<T>(key: string, open: () => StatusSubscription<T>): LeasedSubscription<T> {
    const sub = new LeasedSubscription<T>({
      lease: new StreamLease(redis, key, instanceToken, ttlMs),
      relay,
      open,
      logger: logger.child({ lease: key }),
      renewMs,
    });
    subscriptions.add(sub as LeasedSubscription<unknown>);
    return sub;
  }

  logger.info('scale-out on Redis', { instance: instanceToken, leaseTtlMs: ttlMs });
  return {
    instanceToken,
    redis,
    checkRedis: createRedisHealthCheck(redis, options.url),
    sessions: createRedisSessionStore(redis, options.sessionSecret),
    throttle: (name, policy) => createRedisLoginThrottle(redis, name, policy),
    serializer: (scope, describe) =>
      redisSerializeByKey(redis, scope, { describe, logger: logger.child({ lock: scope }) }),
    adapter: createAdapter(adapterPub, adapterSub, { key: 'cmc:socket.io' }),
    streams: {
      device: (tenantID, open) => leased(deviceLeaseKey(tenantID), open),
      gateway: (open) => leased(GATEWAY_LEASE_KEY, open),
    },
    async close() {
      // Releasing the leases (cancel) is queued before QUIT, so the others take over at once.
      for (const sub of subscriptions) sub.cancel();
      await Promise.all(clients.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}

// serializeByKey across BFF instances: each key's changes still run one at a time in this process,
// and each also holds a Redis lock on the key while it runs, so a change made through another
// instance waits for it. The lock's ttl is renewed while the change runs, so an instance that dies
// holding it blocks the key for one ttl at most; it is released by compare-and-delete with this
// change's own token. No lock, no change: when Redis does not answer, the change is refused.
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { problem } from '../http/problem.ts';
import type { Logger } from '../logger.ts';
import { releaseHeldKey, renewHeldKey, takeKey } from './held-key.ts';
import { serializeByKey, type SerializeByKey } from './serialize-by-key.ts';

export const LOCK_PREFIX = 'cmc:lock:';

export interface RedisSerializeOptions {
  /** Names the key's subject in the refusal, e.g. "the accept filter of gateway gw-1". */
  describe: (key: string) => string;
  logger: Logger;
  /** Lock lifetime without renewal (renewed every third of it while the change runs). */
  ttlMs?: number;
  /** How long a change waits for another instance's change to the same key before it is refused. */
  waitMs?: number;
  /** Pause between attempts to take a busy lock. */
  retryMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function redisSerializeByKey(
  redis: Redis,
  scope: string,
  options: RedisSerializeOptions,
): SerializeByKey {
  const ttlMs = options.ttlMs ?? 15_000;
  const waitMs = options.waitMs ?? 20_000;
  const retryMs = options.retryMs ?? 50;
  const local = serializeByKey();
  const unreachable = (key: string, error: unknown) => {
    options.logger.warn('lock: Redis call failed', { scope, key, error: (error as Error).message });
    return problem(
      503,
      `cannot change ${options.describe(key)}: Redis, which keeps console instances from overwriting each other's changes, did not answer; try again`,
    );
  };

  async function acquire(lockKey: string, token: string, key: string): Promise<void> {
    const giveUpAt = Date.now() + waitMs;
    for (;;) {
      let taken: boolean;
      try {
        taken = await takeKey(redis, lockKey, token, ttlMs);
      } catch (error) {
        throw unreachable(key, error);
      }
      if (taken) return;
      if (Date.now() >= giveUpAt)
        throw problem(
          503,
          `another change to ${options.describe(key)} has been running for over ${waitMs / 1000} s (made through another console instance); try again`,
        );
      await sleep(retryMs);
    }
  }

  return <T>(key: string, task: () => Promise<T>): Promise<T> =>
    local(key, async () => {
      const lockKey = `${LOCK_PREFIX}${scope}:${key}`;
      const token = randomBytes(12).toString('base64url');
      await acquire(lockKey, token, key);
      const renewal = setInterval(() => {
        renewHeldKey(redis, lockKey, token, ttlMs).then(
          (renewed) =>
            renewed ||
            options.logger.warn('lock: lost while the change was running', { scope, key }),
          (error: unknown) => options.logger.warn('lock: renewal failed', { scope, key, error }),
        );
      }, ttlMs / 3);
      try {
        return await task();
      } finally {
        clearInterval(renewal);
        await releaseHeldKey(redis, lockKey, token).catch((error: unknown) =>
          options.logger.warn('lock: release failed (it expires by its ttl)', {
            scope,
            key,
            error,
          }),
        );
      }
    });
}

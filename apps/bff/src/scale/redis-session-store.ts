// Sessions in Redis, so every BFF instance behind the load balancer knows every session. Keys are an
// HMAC of the cookie value (as in SQLite): a Redis dump holds no usable cookie. Redis expires a
// session by itself when the idle TTL passes; touch() slides it.
import { createHmac, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { SessionRecord, SessionStore } from '../auth/session-store.ts';

const PREFIX = 'cmc:session:';
const ACCOUNT_PREFIX = 'cmc:account-sessions:';

// KEYS[1] session hash; ARGV: expiresAt, ttlMs, account-set prefix. Redis 7 (PEXPIRE ... GT).
const TOUCH = `
local accountID = redis.call('HGET', KEYS[1], 'accountID')
if not accountID then return 0 end
redis.call('HSET', KEYS[1], 'expiresAt', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PEXPIRE', ARGV[3] .. accountID, ARGV[2], 'GT')
return 1
`;

export function createRedisSessionStore(redis: Redis, secret: string): SessionStore {
  const key = (id: string) => PREFIX + createHmac('sha256', secret).update(id).digest('base64url');
  const accountKey = (accountID: number) => `${ACCOUNT_PREFIX}${accountID}`;

  return {
    async create(accountID, ttlMs) {
      const id = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      const k = key(id);
      const expiresAt = Date.now() + ttlMs;
      // The per-account set lets destroyForAccount find the sessions; it lives as long as its newest
      // session, and members whose session expired are harmless (deleting a missing key is a no-op).
      await redis
        .multi()
        .hset(k, { accountID: String(accountID), csrfToken, expiresAt: String(expiresAt) })
        .pexpire(k, ttlMs)
        .sadd(accountKey(accountID), k)
        .pexpire(accountKey(accountID), ttlMs, 'GT')
        .pexpire(accountKey(accountID), ttlMs, 'NX')
        .exec();
      return { id, csrfToken };
    },
    async get(id) {
      const row = await redis.hgetall(key(id));
      const accountID = Number(row.accountID);
      const expiresAt = Number(row.expiresAt);
      if (!row.csrfToken || !Number.isInteger(accountID) || expiresAt < Date.now()) return null;
      return { accountID, csrfToken: row.csrfToken, expiresAt } satisfies SessionRecord;
    },
    async touch(id, ttlMs) {
      // Atomic, and only for a session that still exists: a touch racing a sign-out must not revive it.
      await redis.eval(TOUCH, 1, key(id), Date.now() + ttlMs, ttlMs, ACCOUNT_PREFIX);
    },
    async destroy(id) {
      await redis.del(key(id));
    },
    async destroyForAccount(accountID) {
      const keys = await redis.smembers(accountKey(accountID));
      await redis.del(accountKey(accountID), ...keys);
    },
  };
}

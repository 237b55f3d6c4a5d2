// Login rate limit and lock-out counters in Redis, shared by every BFF instance: a guesser cannot
// spread attempts over instances. The same rules as the SQLite throttle, applied atomically by one
// Lua script (no read-modify-write race between instances).
import type { Redis } from 'ioredis';
import type { LoginThrottle, ThrottlePolicy } from '../auth/login-throttle.ts';

const PREFIX = 'cmc:throttle:';

// KEYS[1] counter hash; ARGV: now, windowMs, maxFailures, lockoutMs.
// A new window starts when the old one is over or an earlier lock-out has run out.
const RECORD_FAILURE = `
local now = tonumber(ARGV[1])
local windowMs = tonumber(ARGV[2])
local maxFailures = tonumber(ARGV[3])
local lockoutMs = tonumber(ARGV[4])
local row = redis.call('HMGET', KEYS[1], 'failures', 'windowStart', 'lockedUntil')
local failures = tonumber(row[1])
local windowStart = tonumber(row[2])
local lockedUntil = tonumber(row[3])
local fresh = failures == nil or now - windowStart > windowMs or (lockedUntil ~= nil and lockedUntil <= now)
if fresh then
  failures = 1
  windowStart = now
else
  failures = failures + 1
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'failures', failures, 'windowStart', windowStart)
if failures >= maxFailures then
  redis.call('HSET', KEYS[1], 'lockedUntil', now + lockoutMs)
end
redis.call('PEXPIRE', KEYS[1], math.max(windowMs, lockoutMs) + 1000)
return failures
`;

// SCAN patterns are globs: a user name may hold * ? [ ] or a backslash.
const globEscape = (text: string) => text.replace(/[*?[\]\\]/g, '\\$&');

export function createRedisLoginThrottle(
  redis: Redis,
  name: string,
  policy: ThrottlePolicy,
): LoginThrottle {
  // One key space per throttle (user, address, rate): the same key string means different things.
  const key = (k: string) => `${PREFIX}${name}:${k}`;
  // Keys of one user are few (one per address it was tried from); SCAN keeps Redis responsive.
  const scan = (prefix: string): AsyncIterable<string[]> =>
    redis.scanStream({ match: `${globEscape(key(prefix))}*`, count: 200 });
  return {
    async lockedFor(k, now = Date.now()) {
      const lockedUntil = Number(await redis.hget(key(k), 'lockedUntil'));
      return lockedUntil > 0 ? Math.max(0, lockedUntil - now) : 0;
    },
    async recordFailure(k, now = Date.now()) {
      const failures = await redis.eval(
        RECORD_FAILURE,
        1,
        key(k),
        now,
        policy.windowMs,
        policy.maxFailures,
        policy.lockoutMs,
      );
      return Number(failures) === policy.maxFailures;
    },
    async reset(k) {
      await redis.del(key(k));
    },
    async lockedForPrefix(prefix, now = Date.now()) {
      let longest = 0;
      for await (const keys of scan(prefix)) {
        for (const k of keys) {
          const until = Number(await redis.hget(k, 'lockedUntil'));
          if (until > now) longest = Math.max(longest, until - now);
        }
      }
      return longest;
    },
    async resetPrefix(prefix) {
      for await (const keys of scan(prefix)) if (keys.length) await redis.del(...keys);
    },
  };
}

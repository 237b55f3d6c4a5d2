// A Redis key held by whoever set it with its own random token (SET NX PX): only that holder may
// extend or delete it. Check and act are one Lua step, so a holder whose key expired and was taken by
// another instance cannot extend or delete the new holder's key.
import type { Redis } from 'ioredis';

/** KEYS[1] key; ARGV token, ttl ms. */
const RENEW = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call('PEXPIRE', KEYS[1], ARGV[2])
`;
/** KEYS[1] key; ARGV token. */
const RELEASE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call('DEL', KEYS[1])
`;

/** true when the key was free and is now ours for ttlMs. */
export async function takeKey(redis: Redis, key: string, token: string, ttlMs: number) {
  return (await redis.set(key, token, 'PX', ttlMs, 'NX')) === 'OK';
}

/** false when the key is no longer ours (expired, or taken by another). */
export async function renewHeldKey(redis: Redis, key: string, token: string, ttlMs: number) {
  return (await redis.eval(RENEW, 1, key, token, ttlMs)) === 1;
}

export async function releaseHeldKey(redis: Redis, key: string, token: string) {
  return (await redis.eval(RELEASE, 1, key, token)) === 1;
}

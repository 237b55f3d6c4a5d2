// The Redis stores against a real redis-server: sessions (shared, expiring, ended per account), the
// login throttle's Lua script (same rules as the SQLite one) and the stream lease's compare-and-*
// scripts (only the token holder renews, releases or publishes).
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRedisLoginThrottle } from '../redis-login-throttle.ts';
import { createRedisSessionStore } from '../redis-session-store.ts';
import { StreamLease } from '../stream-lease.ts';

const redis = new Redis(inject('redisUrl'));
const secret = 'stores-test-secret-0123456789abcdef012345';

beforeAll(async () => {
  await redis.flushdb();
});
afterAll(() => redis.disconnect());

describe('Redis session store', () => {
  it('shares a session between two stores (instances) and keys it by an HMAC, not the cookie value', async () => {
    const one = createRedisSessionStore(redis, secret);
    const second = redis.duplicate();
    const two = createRedisSessionStore(second, secret);
    const { id, csrfToken } = await one.create(7, 60_000);
    expect(await two.get(id)).toMatchObject({ accountID: 7, csrfToken });
    const keys = await redis.keys('cmc:session:*');
    expect(keys.some((k) => k.includes(id))).toBe(false);
    expect(await two.get('not-a-session')).toBeNull();
    second.disconnect();
  });

  it('expires an idle session by its TTL, and touch() slides it', async () => {
    const store = createRedisSessionStore(redis, secret);
    const { id } = await store.create(8, 300);
    await new Promise((r) => setTimeout(r, 200));
    await store.touch(id, 300);
    await new Promise((r) => setTimeout(r, 200));
    expect(await store.get(id)).not.toBeNull(); // 400 ms after create, alive thanks to touch
    await new Promise((r) => setTimeout(r, 350));
    expect(await store.get(id)).toBeNull();
  });

  it('does not revive a destroyed session on touch, and ends every session of an account', async () => {
    const store = createRedisSessionStore(redis, secret);
    const s1 = await store.create(9, 60_000);
    const s2 = await store.create(9, 60_000);
    const other = await store.create(10, 60_000);
    await store.destroy(s1.id);
    await store.touch(s1.id, 60_000);
    expect(await store.get(s1.id)).toBeNull();
    await store.destroyForAccount(9);
    expect(await store.get(s2.id)).toBeNull();
    expect(await store.get(other.id)).not.toBeNull();
  });
});

describe('Redis login throttle', () => {
  const policy = { maxFailures: 3, windowMs: 60_000, lockoutMs: 300_000 };

  it('locks a key after maxFailures within the window, then releases it', async () => {
    const throttle = createRedisLoginThrottle(redis, 'test-a', policy);
    const t0 = Date.now();
    await throttle.recordFailure('user:a', t0);
    await throttle.recordFailure('user:a', t0 + 1000);
    expect(await throttle.lockedFor('user:a', t0 + 1000)).toBe(0);
    await throttle.recordFailure('user:a', t0 + 2000);
    expect(await throttle.lockedFor('user:a', t0 + 2000)).toBe(300_000);
    expect(await throttle.lockedFor('user:b', t0 + 2000)).toBe(0);
    expect(await throttle.lockedFor('user:a', t0 + 2000 + 300_000)).toBe(0);
  });

  it('starts a new window when old failures are stale, and reset clears the counter', async () => {
    const throttle = createRedisLoginThrottle(redis, 'test-b', policy);
    const t0 = Date.now();
    await throttle.recordFailure('k', t0);
    await throttle.recordFailure('k', t0 + 1000);
    await throttle.recordFailure('k', t0 + 120_000); // outside the 60 s window: counts as the first
    expect(await throttle.lockedFor('k', t0 + 120_000)).toBe(0);
    await throttle.recordFailure('k', t0 + 120_001);
    await throttle.reset('k');
    await throttle.recordFailure('k', t0 + 120_002);
    expect(await throttle.lockedFor('k', t0 + 120_002)).toBe(0);
  });

  it('counts concurrent failures from many callers exactly (atomic script)', async () => {
    const throttle = createRedisLoginThrottle(redis, 'test-c', {
      maxFailures: 1000,
      windowMs: 60_000,
      lockoutMs: 1000,
    });
    await Promise.all(Array.from({ length: 50 }, () => throttle.recordFailure('burst')));
    expect(Number(await redis.hget('cmc:throttle:test-c:burst', 'failures'))).toBe(50);
    expect(await redis.pttl('cmc:throttle:test-c:burst')).toBeGreaterThan(59_000);
  });
});

describe('stream lease', () => {
  it('is held by one token at a time; only the holder renews, publishes or releases it', async () => {
    const a = new StreamLease(redis, 'cmc:lease:status:test-1', 'token-a', 1000);
    const b = new StreamLease(redis, 'cmc:lease:status:test-1', 'token-b', 1000);
    expect(await a.tryAcquire()).toBe(true);
    expect(await b.tryAcquire()).toBe(false);
    expect(await b.renew()).toBe(false);
    expect(await b.release()).toBe(false);
    expect(await b.publish('{}', 1)).toBe(false);
    expect(await a.publish('{}', 1)).toBe(true);
    expect(await a.setStreamState('up', '', 2)).toBe(true);
    expect(await b.read()).toEqual({ holder: 'token-a', stream: 'token-a:up', seq: 2 });
    expect(await a.renew()).toBe(true);
    expect(await a.release()).toBe(true);
    expect(await b.read()).toEqual({ holder: null, stream: null, seq: undefined });
    expect(await b.tryAcquire()).toBe(true);
  });

  it('expires when the holder stops renewing, and the late holder can no longer renew (fencing)', async () => {
    const a = new StreamLease(redis, 'cmc:lease:status:test-2', 'token-a', 300);
    const b = new StreamLease(redis, 'cmc:lease:status:test-2', 'token-b', 300);
    expect(await a.tryAcquire()).toBe(true);
    await new Promise((r) => setTimeout(r, 400));
    expect(await b.tryAcquire()).toBe(true);
    expect(await a.renew()).toBe(false);
    expect(await a.publish('{}', 1)).toBe(false);
  });
});

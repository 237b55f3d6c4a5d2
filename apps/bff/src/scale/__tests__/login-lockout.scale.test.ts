// Issue 14.5 with the Redis throttle (scaled out): the same lock-out rule as the SQLite one, run by
// the same guard over a real redis-server — a lock per (user, address), a back-off per user that
// never denies, lock-outs reported once, an administrator's clear that reaches every address and
// only that user (names may hold glob characters).
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HttpProblem } from '../../http/problem.ts';
import { createLoginGuard, type LoginGuard } from '../../auth/login-guard.ts';
import { createRedisLoginThrottle } from '../redis-login-throttle.ts';

const redis = new Redis(inject('redisUrl'));
const BACKOFF_MS = 300;
let guard: LoginGuard;

beforeAll(async () => {
  await redis.flushdb();
  const policy = { maxFailures: 3, windowMs: 60_000, lockoutMs: 60_000 };
  guard = createLoginGuard(
    {
      loginRate: createRedisLoginThrottle(redis, 'rate', {
        maxFailures: 1000,
        windowMs: 60_000,
        lockoutMs: 60_000,
      }),
      userThrottle: createRedisLoginThrottle(redis, 'user', policy),
      addressThrottle: createRedisLoginThrottle(redis, 'address', { ...policy, maxFailures: 50 }),
      userBackoff: createRedisLoginThrottle(redis, 'user-backoff', { ...policy, maxFailures: 6 }),
    },
    { lockoutMs: policy.lockoutMs, backoffMs: BACKOFF_MS },
  );
});
afterAll(() => redis.disconnect());

async function refused(username: string, address: string): Promise<number | null> {
  try {
    await guard.admit(username, address);
    return null;
  } catch (error) {
    if (error instanceof HttpProblem) return error.status;
    throw error;
  }
}

describe('sign-in lock-out over Redis', () => {
  it('locks a user from one address only, and reports the lock-out once', async () => {
    const reports: string[][] = [];
    for (let i = 0; i < 3; i++) {
      await guard.admit('admin', '10.0.0.2');
      reports.push(await guard.failed('admin', '10.0.0.2'));
    }
    expect(reports.slice(0, 2)).toEqual([[], []]);
    expect(reports[2]).toEqual([expect.stringMatching(/admin locked for 1 min from 10\.0\.0\.2/)]);
    expect(await refused('admin', '10.0.0.2')).toBe(429);
    expect(await refused('ADMIN', '10.0.0.2')).toBe(429); // names are case-insensitive
    expect(await refused('admin', '10.0.0.1')).toBeNull();
    expect(await guard.lockedFor('admin')).toBeGreaterThan(59_000);
  });

  it('clears every lock of that user, and of no other user', async () => {
    for (const name of ['ad*', 'admin2'])
      for (let i = 0; i < 3; i++) await guard.failed(name, '10.0.0.3');
    await guard.clear('ad*'); // a glob pattern must not clear "admin" or "admin2"
    expect(await refused('ad*', '10.0.0.3')).toBeNull();
    expect(await refused('admin2', '10.0.0.3')).toBe(429);
    expect(await refused('admin', '10.0.0.2')).toBe(429);

    await guard.clear('admin');
    expect(await refused('admin', '10.0.0.2')).toBeNull();
    expect(await guard.lockedFor('admin')).toBe(0);
  });

  it('slows a name guessed from many addresses down without denying it', async () => {
    for (const address of ['10.0.1.1', '10.0.1.2', '10.0.1.3'])
      for (let i = 0; i < 2; i++) await guard.failed('viewer1', address);
    const started = Date.now();
    expect(await refused('viewer1', '10.0.0.9')).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(BACKOFF_MS - 5);
    await guard.clear('viewer1');
    const again = Date.now();
    await guard.admit('viewer1', '10.0.0.9');
    expect(Date.now() - again).toBeLessThan(BACKOFF_MS);
  });
});

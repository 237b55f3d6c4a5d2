import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/database.ts';
import { createSqliteLoginThrottle } from '../login-throttle.ts';

const policy = { maxFailures: 3, windowMs: 60_000, lockoutMs: 300_000 };

describe('login throttle', () => {
  it('locks a key after maxFailures within the window, then releases it', () => {
    const throttle = createSqliteLoginThrottle(openDatabase(':memory:'), policy);
    const t0 = 1_000_000;
    throttle.recordFailure('user:a', t0);
    throttle.recordFailure('user:a', t0 + 1000);
    expect(throttle.lockedFor('user:a', t0 + 1000)).toBe(0);
    throttle.recordFailure('user:a', t0 + 2000);
    expect(throttle.lockedFor('user:a', t0 + 2000)).toBe(300_000);
    expect(throttle.lockedFor('user:b', t0 + 2000)).toBe(0);
    expect(throttle.lockedFor('user:a', t0 + 2000 + 300_000)).toBe(0);
  });
  it('starts a new window when old failures are stale', () => {
    const throttle = createSqliteLoginThrottle(openDatabase(':memory:'), policy);
    throttle.recordFailure('k', 0);
    throttle.recordFailure('k', 1000);
    throttle.recordFailure('k', 120_000); // outside the 60 s window: counts as the first
    expect(throttle.lockedFor('k', 120_000)).toBe(0);
  });
  it('reset clears the counter', () => {
    const throttle = createSqliteLoginThrottle(openDatabase(':memory:'), policy);
    for (let i = 0; i < 2; i++) throttle.recordFailure('k', i);
    throttle.reset('k');
    throttle.recordFailure('k', 10);
    expect(throttle.lockedFor('k', 10)).toBe(0);
  });
  it('deletes rows that no longer count, at most once a minute, and keeps live ones', () => {
    const db = openDatabase(':memory:');
    const rows = (d: Db) =>
      d.prepare<[], { key: string }>('SELECT key FROM login_throttle ORDER BY key').all();
    const throttle = createSqliteLoginThrottle(db, policy);
    // Many names guessed once each, long ago; one key locked out.
    for (let i = 0; i < 50; i++) throttle.recordFailure(`user:guess${i}`, i);
    for (let i = 0; i < 3; i++) throttle.recordFailure('user:locked', 100 + i);
    expect(rows(db)).toHaveLength(51);
    // 2 min later: the guesses' window is over; the lock (5 min) still holds.
    throttle.recordFailure('user:new', 120_000);
    expect(rows(db).map((r) => r.key)).toEqual(['user:locked', 'user:new']);
    expect(throttle.lockedFor('user:locked', 120_000)).toBeGreaterThan(0);
    // Within the minute after a prune, spent rows wait for the next one.
    throttle.recordFailure('user:other', 150_000);
    expect(rows(db)).toHaveLength(3);
    // After the lock ran out and a minute passed, only the fresh failure is left.
    throttle.recordFailure('user:last', 500_000);
    expect(rows(db).map((r) => r.key)).toEqual(['user:last']);
  });
});

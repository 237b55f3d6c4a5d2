import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
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
});

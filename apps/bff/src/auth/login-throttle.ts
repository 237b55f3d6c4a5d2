// Login rate limit and lock-out, counters behind an interface (Redis later). Both the username and
// the source address are counted, so neither one-user guessing nor one-address spraying works.
import type { Db } from '../db/database.ts';

export interface ThrottlePolicy {
  /** Failures within windowMs that trigger a lock-out. */
  maxFailures: number;
  windowMs: number;
  lockoutMs: number;
}

export const defaultThrottlePolicy: ThrottlePolicy = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockoutMs: 15 * 60_000,
};

/** Callers await every method: the SQLite store answers at once, the Redis one (scale/) asynchronously. */
export interface LoginThrottle {
  /** Milliseconds until the key may try again, or 0. */
  lockedFor(key: string, now?: number): number | Promise<number>;
  /** True when this failure started a lock-out (the one that reached maxFailures). */
  recordFailure(key: string, now?: number): boolean | Promise<boolean>;
  reset(key: string): void | Promise<void>;
  /** The longest lock left among the keys starting with `prefix` (all addresses of a user), or 0. */
  lockedForPrefix(prefix: string, now?: number): number | Promise<number>;
  /** Clears every key starting with `prefix` (an administrator unlocks a user). */
  resetPrefix(prefix: string): void | Promise<void>;
}

/** The SQLite throttle answers synchronously (its own unit tests rely on that). */
export interface SyncLoginThrottle extends LoginThrottle {
  lockedFor(key: string, now?: number): number;
  recordFailure(key: string, now?: number): boolean;
  reset(key: string): void;
  lockedForPrefix(prefix: string, now?: number): number;
  resetPrefix(prefix: string): void;
}

/** Spent rows are deleted at most this often, on a failure (a table scan). */
const PRUNE_EVERY_MS = 60_000;

export function createSqliteLoginThrottle(
  db: Db,
  policy: ThrottlePolicy = defaultThrottlePolicy,
): SyncLoginThrottle {
  const get = db.prepare<
    [string],
    { failures: number; window_start: number; locked_until: number | null }
  >('SELECT failures, window_start, locked_until FROM login_throttle WHERE key = ?');
  const upsert = db.prepare(
    `INSERT INTO login_throttle (key, failures, window_start, locked_until) VALUES (?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start, locked_until = excluded.locked_until`,
  );
  const remove = db.prepare('DELETE FROM login_throttle WHERE key = ?');
  // substr, not LIKE: a user name may hold % or _.
  const maxLockedUntil = db.prepare<[number, string], { until: number | null }>(
    'SELECT MAX(locked_until) AS until FROM login_throttle WHERE substr(key, 1, ?) = ?',
  );
  const removePrefix = db.prepare('DELETE FROM login_throttle WHERE substr(key, 1, ?) = ?');
  // Rows that no longer count (window over, no lock left): every failed name and address added one
  // and nothing removed it, so guessing many names grew the table without bound.
  const removeSpent = db.prepare(
    `DELETE FROM login_throttle
     WHERE window_start < ? AND (locked_until IS NULL OR locked_until <= ?)`,
  );
  let prunedAt = Number.NEGATIVE_INFINITY;
  const pruneNow = (now: number) => {
    if (now - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = now;
    removeSpent.run(now - policy.windowMs, now);
  };
  return {
    lockedFor(key, now = Date.now()) {
      const row = get.get(key);
      if (!row?.locked_until) return 0;
      return Math.max(0, row.locked_until - now);
    },
    recordFailure(key, now = Date.now()) {
      const row = get.get(key);
      const fresh =
        !row ||
        now - row.window_start > policy.windowMs ||
        (row.locked_until !== null && row.locked_until <= now);
      const failures = fresh ? 1 : row.failures + 1;
      const windowStart = fresh ? now : row.window_start;
      const lockedUntil = failures >= policy.maxFailures ? now + policy.lockoutMs : null;
      upsert.run(key, failures, windowStart, lockedUntil);
      pruneNow(now);
      return failures === policy.maxFailures;
    },
    reset(key) {
      remove.run(key);
    },
    lockedForPrefix(prefix, now = Date.now()) {
      const until = maxLockedUntil.get(prefix.length, prefix)?.until;
      return until ? Math.max(0, until - now) : 0;
    },
    resetPrefix(prefix) {
      removePrefix.run(prefix.length, prefix);
    },
  };
}

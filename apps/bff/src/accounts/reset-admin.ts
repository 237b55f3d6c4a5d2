// `pnpm -F @cmc/bff reset-admin`: a new password for the administrator named by
// CONSOLE_ADMIN_USER (CONSOLE_ADMIN_PASSWORD, or a generated one that is printed), read from the same
// settings as the BFF. Also for a lost generated password: the account is made when missing. Ends
// the account's sessions and clears its sign-in lock-outs, and writes an audit row with the change.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { createAuditLog } from '../audit/audit-log.ts';
import { createLoginGuard, type LoginThrottles } from '../auth/login-guard.ts';
import {
  createSqliteLoginThrottle,
  defaultThrottlePolicy,
  type LoginThrottle,
} from '../auth/login-throttle.ts';
import { hashPassword } from '../auth/password.ts';
import { createSqliteSessionStore, type SessionStore } from '../auth/session-store.ts';
import { openDatabase } from '../db/database.ts';
import type { Env } from '../env.ts';
import { createRedisLoginThrottle } from '../scale/redis-login-throttle.ts';
import { createRedisSessionStore } from '../scale/redis-session-store.ts';
import { createAccountStore } from './account-store.ts';

export class ResetAdminError extends Error {}

export interface ResetAdminResult {
  username: string;
  created: boolean;
  /** Set when the password was generated (print it); unset when CONSOLE_ADMIN_PASSWORD was used. */
  generatedPassword?: string;
  databaseFile: string;
}

export async function resetAdmin(env: Env): Promise<ResetAdminResult> {
  const databaseFile = path.join(env.DATA_DIR, 'bff.sqlite');
  // A wrong DATA_DIR must not quietly make a second, empty console database.
  if (!fs.existsSync(databaseFile))
    throw new ResetAdminError(
      `no console database at ${databaseFile}: set DATA_DIR to the BFF's data folder`,
    );
  const db = openDatabase(databaseFile);
  const redis = env.REDIS_URL
    ? new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 })
    : null;
  try {
    if (redis) await redis.connect();
    const accounts = createAccountStore(db);
    const username = env.CONSOLE_ADMIN_USER;
    const existing = accounts.byUsername(username);
    if (existing && existing.role !== 'admin')
      throw new ResetAdminError(
        `${username} is a tenant viewer, not an administrator: set CONSOLE_ADMIN_USER to an admin's name`,
      );
    const generatedPassword = env.CONSOLE_ADMIN_PASSWORD
      ? undefined
      : randomBytes(12).toString('base64url');
    const passwordHash = await hashPassword(env.CONSOLE_ADMIN_PASSWORD ?? generatedPassword!);
    const audit = createAuditLog(db);
    const entry = {
      username,
      role: 'admin' as const,
      action: 'accounts.reset-admin',
      summary: existing
        ? `reset the password of ${username} from the command line`
        : `create the administrator ${username} from the command line`,
      outcome: 'success' as const,
    };
    const account = audit.atomically(entry, () => {
      if (!existing)
        return accounts.create({ username, role: 'admin', tenantID: null, passwordHash });
      accounts.setPassword(existing.id, passwordHash);
      return existing;
    });

    // Sessions and lock-outs live in Redis when the BFF is scaled out, in SQLite otherwise.
    const throttle = (name: string): LoginThrottle =>
      redis
        ? createRedisLoginThrottle(redis, name, defaultThrottlePolicy)
        : createSqliteLoginThrottle(db, defaultThrottlePolicy);
    const sessions: SessionStore = redis
      ? createRedisSessionStore(redis, env.SESSION_SECRET ?? '')
      : createSqliteSessionStore(db, env.SESSION_SECRET ?? '');
    await sessions.destroyForAccount(account.id);
    const throttles: LoginThrottles = {
      loginRate: throttle('rate'),
      userThrottle: throttle('user'),
      addressThrottle: throttle('address'),
      userBackoff: throttle('user-backoff'),
    };
    await createLoginGuard(throttles, { lockoutMs: 0, backoffMs: 0 }).clear(username);
    return {
      username,
      created: !existing,
      databaseFile,
      ...(generatedPassword ? { generatedPassword } : {}),
    };
  } finally {
    redis?.disconnect();
    db.close();
  }
}

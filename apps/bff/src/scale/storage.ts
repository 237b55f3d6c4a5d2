// The storage layer behind interfaces, created in one place: routes get these stores through their
// deps and never see SQLite or Redis. Accounts and the audit log live in SQLite (one shared database
// file — or, later, a server database behind the same interfaces); sessions and login counters in
// SQLite alone, or in Redis when the BFF is scaled out (docs/scale-out.md); so do the per-key
// serializers of read-modify-write changes on the master (in-process, or a Redis lock per key).
import { createAccountStore, type AccountStore } from '../accounts/account-store.ts';
import { createAuditLog, type AuditLog } from '../audit/audit-log.ts';
import {
  createSqliteLoginThrottle,
  defaultThrottlePolicy,
  type LoginThrottle,
  type ThrottlePolicy,
} from '../auth/login-throttle.ts';
import { createSqliteSessionStore, type SessionStore } from '../auth/session-store.ts';
import type { Db } from '../db/database.ts';
import type { StorageReporter } from '../db/storage-health.ts';
import type { Logger } from '../logger.ts';
import type { ScaleOut } from './scale-out.ts';
import { serializeByKey, type SerializeByKey } from './serialize-by-key.ts';

export interface Storage {
  accounts: AccountStore;
  audit: AuditLog;
  sessions: SessionStore;
  /** Failed sign-ins per (username, source address): locks that pair only. */
  userThrottle: LoginThrottle;
  /** Failed sign-ins per username from any address: slows that name down, never locks it. */
  userBackoff: LoginThrottle;
  /** Failed sign-ins per source address (looser: offices share addresses). */
  addressThrottle: LoginThrottle;
  /** Every sign-in attempt per source address. */
  loginRate: LoginThrottle;
  /**
   * Runs each key's changes one after the other: in this process, and scaled out across every
   * instance. `describe` names a key's subject in the refusal when the lock cannot be had.
   */
  serializer(scope: string, describe: (key: string) => string): SerializeByKey;
}

export interface StorageOptions {
  sessionSecret: string;
  /** Set when REDIS_URL is: sessions and counters then live in Redis, shared by every instance. */
  scale: ScaleOut | null;
  sessions?: SessionStore;
  userThrottle?: ThrottlePolicy;
  userBackoff?: ThrottlePolicy;
  addressThrottle?: ThrottlePolicy;
  loginRate?: ThrottlePolicy;
  /** Where the audit log reports rows it holds in memory while the disk refuses them. */
  logger?: Logger;
  reporter?: StorageReporter;
}

export function createStorage(db: Db, options: StorageOptions): Storage {
  const { scale } = options;
  const throttle = (name: string, policy: ThrottlePolicy): LoginThrottle =>
    scale ? scale.throttle(name, policy) : createSqliteLoginThrottle(db, policy);
  return {
    accounts: createAccountStore(db),
    audit: createAuditLog(db, {
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.reporter ? { reporter: options.reporter } : {}),
    }),
    sessions:
      options.sessions ??
      (scale ? scale.sessions : createSqliteSessionStore(db, options.sessionSecret)),
    userThrottle: throttle('user', options.userThrottle ?? defaultThrottlePolicy),
    userBackoff: throttle(
      'user-backoff',
      options.userBackoff ?? { ...defaultThrottlePolicy, maxFailures: 20 },
    ),
    addressThrottle: throttle(
      'address',
      options.addressThrottle ?? { ...defaultThrottlePolicy, maxFailures: 50 },
    ),
    loginRate: throttle(
      'rate',
      options.loginRate ?? { maxFailures: 30, windowMs: 60_000, lockoutMs: 60_000 },
    ),
    serializer: (scope, describe) => (scale ? scale.serializer(scope, describe) : serializeByKey()),
  };
}

// Server-side sessions behind a small interface (a Redis store can replace the SQLite one).
import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';

export interface SessionRecord {
  accountID: number;
  csrfToken: string;
  expiresAt: number;
}

export interface SessionStore {
  /** Creates a session; returns the cookie value (only ever held by the browser). */
  create(accountID: number, ttlMs: number): Promise<{ id: string; csrfToken: string }>;
  get(id: string): Promise<SessionRecord | null>;
  /** Slides the expiry forward. */
  touch(id: string, ttlMs: number): Promise<void>;
  destroy(id: string): Promise<void>;
  destroyForAccount(accountID: number): Promise<void>;
}

export function createSqliteSessionStore(db: Db, secret: string): SessionStore {
  // The table keys on an HMAC of the ID, so reading the database does not yield a usable cookie.
  const key = (id: string) => createHmac('sha256', secret).update(id).digest('base64url');
  const insert = db.prepare(
    'INSERT INTO sessions (id_hash, account_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  );
  const select = db.prepare<
    [string],
    { account_id: number; csrf_token: string; expires_at: number }
  >('SELECT account_id, csrf_token, expires_at FROM sessions WHERE id_hash = ?');
  const update = db.prepare('UPDATE sessions SET expires_at = ? WHERE id_hash = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE id_hash = ?');
  const removeAccount = db.prepare('DELETE FROM sessions WHERE account_id = ?');
  const purge = db.prepare('DELETE FROM sessions WHERE expires_at < ?');

  return {
    async create(accountID, ttlMs) {
      purge.run(Date.now());
      const id = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      const now = Date.now();
      insert.run(key(id), accountID, csrfToken, now, now + ttlMs);
      return { id, csrfToken };
    },
    async get(id) {
      const row = select.get(key(id));
      if (!row || row.expires_at < Date.now()) return null;
      return { accountID: row.account_id, csrfToken: row.csrf_token, expiresAt: row.expires_at };
    },
    async touch(id, ttlMs) {
      update.run(Date.now() + ttlMs, key(id));
    },
    async destroy(id) {
      remove.run(key(id));
    },
    async destroyForAccount(accountID) {
      removeAccount.run(accountID);
    },
  };
}

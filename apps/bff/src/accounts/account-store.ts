// Console accounts in SQLite. Usernames are case-insensitive (COLLATE NOCASE) to avoid look-alikes.
import type { Db } from '../db/database.ts';
import type { Role, SessionUser } from '../auth/types.ts';

export interface AccountRow {
  id: number;
  username: string;
  role: Role;
  tenantID: string | null;
  passwordHash: string;
  createdAt: string;
}

interface DbRow {
  id: number;
  username: string;
  role: Role;
  tenant_id: string | null;
  password_hash: string;
  created_at: string;
}

const toRow = (r: DbRow): AccountRow => ({
  id: r.id,
  username: r.username,
  role: r.role,
  tenantID: r.tenant_id,
  passwordHash: r.password_hash,
  createdAt: r.created_at,
});

export function toSessionUser(a: AccountRow): SessionUser {
  return { id: a.id, username: a.username, role: a.role, tenantID: a.tenantID };
}

export interface AccountStore {
  count(): number;
  byUsername(username: string): AccountRow | undefined;
  byId(id: number): AccountRow | undefined;
  list(): AccountRow[];
  /** Throws AccountExistsError when the username is taken. */
  create(input: {
    username: string;
    role: Role;
    tenantID: string | null;
    passwordHash: string;
  }): AccountRow;
  setPassword(id: number, passwordHash: string): boolean;
  remove(id: number): boolean;
  countAdmins(): number;
}

export class AccountExistsError extends Error {}

export function createAccountStore(db: Db): AccountStore {
  const all = db.prepare<[], DbRow>('SELECT * FROM accounts ORDER BY id');
  const byName = db.prepare<[string], DbRow>('SELECT * FROM accounts WHERE username = ?');
  const byID = db.prepare<[number], DbRow>('SELECT * FROM accounts WHERE id = ?');
  const insert = db.prepare(
    'INSERT INTO accounts (username, password_hash, role, tenant_id, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  return {
    count: () => db.prepare('SELECT COUNT(*) FROM accounts').pluck().get() as number,
    countAdmins: () =>
      db.prepare("SELECT COUNT(*) FROM accounts WHERE role = 'admin'").pluck().get() as number,
    byUsername(username) {
      const r = byName.get(username);
      return r && toRow(r);
    },
    byId(id) {
      const r = byID.get(id);
      return r && toRow(r);
    },
    list: () => all.all().map(toRow),
    create(input) {
      if (byName.get(input.username))
        throw new AccountExistsError(`an account named ${input.username} already exists`);
      const info = insert.run(
        input.username,
        input.passwordHash,
        input.role,
        input.tenantID,
        new Date().toISOString(),
      );
      return toRow(byID.get(Number(info.lastInsertRowid))!);
    },
    setPassword(id, passwordHash) {
      return (
        db.prepare('UPDATE accounts SET password_hash = ? WHERE id = ?').run(passwordHash, id)
          .changes > 0
      );
    },
    remove(id) {
      return db.prepare('DELETE FROM accounts WHERE id = ?').run(id).changes > 0;
    },
  };
}

// SQLite through better-sqlite3: WAL for concurrent reads while writing, migrations applied once
// each in file-name order (core owns 001-0xx, live owns 100-1xx; see docs/bff-internals.md).
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Db = Database.Database;
export type { Database };

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export function openDatabase(file: string, migrationsDir: string = MIGRATIONS_DIR): Db {
  const db = new Database(file);
  if (file !== ':memory:') {
    db.pragma('journal_mode = WAL');
    // NORMAL, not FULL: in WAL mode a commit then only appends to the WAL and fsyncs at checkpoints,
    // so the history flush (several per second under churn) stops paying an fsync each. The database
    // can never be corrupted this way; a power loss (not a process crash) may drop the last commits.
    // See docs/decisions.md.
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  beginImmediate(db);
  runMigrations(db, migrationsDir);
  return db;
}

/**
 * db.transaction() begins IMMEDIATE (the write lock first, waiting up to busy_timeout). The history
 * worker (history/history-worker.mjs) writes the same file on a connection of its own; a deferred
 * transaction that reads and then writes would keep a snapshot that the worker's commit makes stale,
 * and SQLite fails its write with SQLITE_BUSY at once instead of waiting. `.deferred` etc. stay.
 */
function beginImmediate(db: Db): void {
  const transaction = db.transaction.bind(db);
  // Each variant carries the others (.deferred, .immediate, .exclusive) as better-sqlite3 made them.
  db.transaction = ((fn: Parameters<Db['transaction']>[0]) =>
    transaction(fn).immediate) as Db['transaction'];
}

export function runMigrations(db: Db, migrationsDir: string): string[] {
  db.exec(
    `CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`,
  );
  const applied = new Set(db.prepare('SELECT name FROM migrations').pluck().all() as string[]);
  const files = fs
    .readdirSync(migrationsDir)
    .filter((f) => /^\d{3}-[a-z0-9-]+\.sql$/.test(f))
    .sort();
  const ran: string[] = [];
  for (const file of files) {
    if (applied.has(file)) continue;
    const sql = fs.readFileSync(path.join(migrationsDir, file), 'utf8');
    // Each migration and its bookkeeping row commit together, so a failed one can be fixed and rerun.
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO migrations (name, applied_at) VALUES (?, ?)').run(
        file,
        new Date().toISOString(),
      );
    })();
    ran.push(file);
  }
  return ran;
}

// The history worker is a second writer on the database file (history/history-worker.mjs). A
// transaction of the main connection that reads and then writes must wait for that writer rather
// than fail: with SQLite's default (deferred) BEGIN it would hold a read snapshot that the other
// writer's commit makes stale, and its write would fail with SQLITE_BUSY at once, busy_timeout or
// not. openDatabase() therefore makes db.transaction() begin IMMEDIATE.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../database.ts';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmc-second-writer-'));
  db = openDatabase(path.join(dir, 'bff.sqlite'));
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)');
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Another thread takes the write lock, tells us, holds it for holdMs, then commits a row. */
async function otherWriterHolding(holdMs: number): Promise<Worker> {
  const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const code = `
    const { workerData, parentPort } = require('node:worker_threads');
    const Database = require(workerData.betterSqlite);
    const db = new Database(workerData.file);
    db.exec('BEGIN IMMEDIATE');
    db.prepare('INSERT INTO t (n) VALUES (1)').run();
    parentPort.postMessage('locked');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
    db.exec('COMMIT');
    db.close();`;
  const worker = new Worker(code, {
    eval: true,
    workerData: { file: db.name, betterSqlite, holdMs },
  });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  return worker;
}

describe('openDatabase with a second writer on the file', () => {
  it('lets a read-then-write transaction wait for the other writer instead of failing', async () => {
    const other = await otherWriterHolding(300);
    const readThenWrite = db.transaction(() => {
      const n = db.prepare('SELECT COUNT(*) FROM t').pluck().get() as number;
      db.prepare('INSERT INTO t (n) VALUES (?)').run(n + 10);
    });
    const started = Date.now();
    readThenWrite();
    expect(Date.now() - started).toBeGreaterThanOrEqual(200); // it waited for the commit
    await new Promise((resolve) => other.once('exit', resolve));
    // It read after the other commit: the other's row was counted.
    expect(db.prepare('SELECT n FROM t ORDER BY id').pluck().all()).toEqual([1, 11]);
  });

  it('keeps the variants and nesting of better-sqlite3 transactions', () => {
    const inner = db.transaction(() => db.prepare('INSERT INTO t (n) VALUES (2)').run());
    const outer = db.transaction(() => {
      inner();
      db.prepare('INSERT INTO t (n) VALUES (3)').run();
    });
    outer.deferred();
    outer();
    expect(typeof outer.exclusive).toBe('function');
    expect(db.prepare('SELECT n FROM t ORDER BY id').pluck().all()).toEqual([2, 3, 2, 3]);
  });
});

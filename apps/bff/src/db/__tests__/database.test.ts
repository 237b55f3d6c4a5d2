import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, runMigrations } from '../database.ts';

describe('openDatabase', () => {
  it('applies every migration once, in order, and uses WAL on files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-db-'));
    const file = path.join(dir, 'x.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL: no fsync per commit
    const names = db.prepare('SELECT name FROM migrations ORDER BY name').pluck().all() as string[];
    expect(names.slice(0, 4)).toEqual([
      '001-accounts.sql',
      '002-sessions.sql',
      '003-audit.sql',
      '004-login-throttle.sql',
    ]);
    db.close();
    const again = openDatabase(file);
    expect(again.prepare('SELECT COUNT(*) FROM migrations').pluck().get()).toBe(names.length);
    again.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rolls a failing migration back and reruns it once fixed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-mig-'));
    fs.writeFileSync(path.join(dir, '001-a.sql'), 'CREATE TABLE a (x INTEGER);');
    fs.writeFileSync(
      path.join(dir, '002-b.sql'),
      'CREATE TABLE b (y INTEGER); INSERT INTO nope VALUES (1);',
    );
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a migration');
    const db = new Database(':memory:');
    expect(() => runMigrations(db, dir)).toThrow(/no such table: nope/);
    const tables = () =>
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables()).toEqual(['a', 'migrations']);
    fs.writeFileSync(path.join(dir, '002-b.sql'), 'CREATE TABLE b (y INTEGER);');
    expect(runMigrations(db, dir)).toEqual(['002-b.sql']);
    expect(tables()).toEqual(['a', 'b', 'migrations']);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

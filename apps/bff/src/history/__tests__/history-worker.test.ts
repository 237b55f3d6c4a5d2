// The history writer on its worker thread, against a real SQLite file: rows land through the
// worker's own connection, close() drains everything queued, a write refused by SQLite (a real lock
// held by another connection) is reported, kept and retried, and a synchronous flush blocks until
// the rows are readable.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '../../db/database.ts';
import type { StorageReporter } from '../../db/storage-health.ts';
import {
  HistoryWorkerWriter,
  nextBatchRows,
  type WorkerWriterOptions,
} from '../history-worker-writer.ts';

const T0 = Date.parse('2026-11-20T10:00:00Z');
let dir: string;
let db: Db;
let events: string[];
let writer: HistoryWorkerWriter | undefined;

const reporter: StorageReporter = {
  failed: (source, error) =>
    events.push(
      `failed ${source} ${(error as { code?: string }).code ?? (error as Error).message}`,
    ),
  recovered: (source) => events.push(`recovered ${source}`),
  dropped: (source, count) => events.push(`dropped ${source} ${count}`),
};

function start(over: Partial<WorkerWriterOptions> = {}): HistoryWorkerWriter {
  writer = new HistoryWorkerWriter({
    file: db.name,
    retentionMs: 30 * 86_400_000,
    maxRows: 1_000_000,
    pruneIntervalMs: 60_000,
    flushIntervalMs: 60_000,
    maxBatch: 5000,
    now: () => T0,
    reporter,
    ...over,
  });
  return writer;
}

const count = () =>
  (db.prepare('SELECT COUNT(*) AS n FROM status_changes').get() as { n: number }).n;
const change = (i: number) => ({ deviceID: i, gatewayID: `gw${i % 3}`, status: i % 2, at: T0 + i });

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmc-history-worker-'));
  db = openDatabase(path.join(dir, 'bff.sqlite'));
  events = [];
});
afterEach(async () => {
  if (db.inTransaction) db.exec('ROLLBACK');
  await writer?.close();
  writer = undefined;
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('history writer on a worker thread', () => {
  it('writes rows and device facts through its own connection', async () => {
    const w = start();
    w.push({ deviceID: 7, gatewayID: 'gw1', status: 1, at: T0 });
    w.push({ deviceID: 7, gatewayID: 'gw1', status: 0x101, at: T0 + 5 });
    expect(w.pending).toBe(2);
    expect(count()).toBe(0); // the interval is 60 s: nothing written yet
    expect(await w.flushed()).toBe(true);
    expect(w.pending).toBe(0);
    expect(
      db.prepare('SELECT device_id, gateway_id, status, at FROM status_changes').all(),
    ).toEqual([
      { device_id: 7, gateway_id: 'gw1', status: 1, at: T0 },
      { device_id: 7, gateway_id: 'gw1', status: 0x101, at: T0 + 5 },
    ]);
    expect(db.prepare('SELECT * FROM device_facts WHERE device_id = 7').get()).toMatchObject({
      last_status: 0x101,
      last_connected_at: T0,
      last_failure: 0x101,
      last_failure_at: T0 + 5,
    });
    expect(events).toEqual([]);
  });

  it('loses nothing on close: every queued row is written, in order, before the worker ends', async () => {
    const w = start({ maxBatch: 5000 });
    for (let i = 1; i <= 12_345; i++) w.push(change(i));
    await w.close();
    expect(count()).toBe(12_345);
    const ats = db.prepare('SELECT at FROM status_changes ORDER BY id').pluck().all() as number[];
    expect(ats.every((at, k) => at === T0 + k + 1)).toBe(true);
    expect(w.dropped).toBe(0);
    expect(events).toEqual([]);
    expect(() => w.push(change(1))).toThrow(/after close/);
  });

  it('resolves flushed() once the rows are readable, with a batch already in flight', async () => {
    const w = start({ maxBatch: 100 });
    for (let i = 1; i <= 250; i++) w.push(change(i)); // the first 100 are sent at once
    expect(await w.flushed()).toBe(true);
    expect(count()).toBe(250);
    expect(w.pending).toBe(0);
  });

  it('reports a write SQLite refuses, keeps the rows and writes them once it can', async () => {
    const w = start({ busyTimeoutMs: 20, retryMinMs: 50, retryMaxMs: 100 });
    db.exec('BEGIN IMMEDIATE'); // another connection holds the write lock: the worker gets SQLITE_BUSY
    for (let i = 1; i <= 10; i++) w.push(change(i));
    expect(await w.flushed()).toBe(false);
    expect(events).toEqual(['failed history SQLITE_BUSY']);
    expect(w.failing).toBe(true);
    expect(w.pending).toBe(10);
    w.push(change(11)); // queued behind the failed rows
    db.exec('COMMIT');
    await vi.waitFor(() => expect(events).toContain('recovered history'), { timeout: 10_000 });
    expect(await w.flushed()).toBe(true);
    expect(count()).toBe(11);
    expect(w.failing).toBe(false);
  });

  it('drops and reports what it cannot write when closed while SQLite still refuses', async () => {
    const w = start({ busyTimeoutMs: 20, retryMinMs: 50 });
    db.exec('BEGIN IMMEDIATE');
    for (let i = 1; i <= 4; i++) w.push(change(i));
    await w.close();
    db.exec('ROLLBACK');
    expect(events).toEqual(['failed history SQLITE_BUSY', 'dropped history 4']);
    expect(w.dropped).toBe(4);
    expect(count()).toBe(0);
  });

  it('reports a database the worker cannot open like any failed write', async () => {
    const w = start({ file: path.join(dir, 'missing', 'bff.sqlite') });
    w.push(change(1));
    expect(await w.flushed()).toBe(false);
    expect(events[0]).toMatch(/^failed history (SQLITE_CANTOPEN|.*directory does not exist)/);
    expect(w.pending).toBe(1);
  });

  it('sizes transactions to about 50 ms, between 250 rows and maxBatch', () => {
    expect(nextBatchRows(5000, 20, 5000)).toBe(5000); // idle machine: full batches
    expect(nextBatchRows(5000, 1000, 5000)).toBe(250); // loaded: a 5,000-row write took 1 s
    expect(nextBatchRows(1000, 100, 5000)).toBe(500);
    expect(nextBatchRows(10, 0, 100)).toBe(100);
  });
});

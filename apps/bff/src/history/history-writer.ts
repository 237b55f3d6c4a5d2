// The in-thread history writer: the write-behind queue (db/write-behind.ts) writing batches on the
// main connection. Used for an in-memory database (a worker thread cannot share it) and where the
// caller asks for it; a file database normally gets the worker (history-worker-writer.ts).
import type { Database } from 'better-sqlite3';
import type { StorageReporter } from '../db/storage-health.ts';
import { WriteBehind } from '../db/write-behind.ts';
import { createPackedWrite, type RetentionOptions } from './history-sql.mjs';
import { pack } from './history-worker-protocol.ts';
import type { StatusChangeRecord } from './history-store.ts';

export interface HistoryWriterOptions extends RetentionOptions {
  flushIntervalMs: number;
  maxBatch: number;
  now: () => number;
  maxPending?: number | undefined;
  reporter?: StorageReporter | undefined;
}

export function createHistoryWriter(
  db: Database,
  options: HistoryWriterOptions,
): WriteBehind<StatusChangeRecord> {
  const write = createPackedWrite(db, options);
  // A failed write (disk full, read-only file) keeps the rows queued and retries: the facts are
  // already in memory, so the BFF keeps answering while the disk cannot take them.
  return new WriteBehind<StatusChangeRecord>({
    source: 'history',
    flushIntervalMs: options.flushIntervalMs,
    maxBatch: options.maxBatch,
    ...(options.maxPending ? { maxPending: options.maxPending } : {}),
    ...(options.reporter ? { reporter: options.reporter } : {}),
    write: (batch) => write(pack(batch), options.now()),
  });
}

// What the main thread and the history worker (history-worker.mjs) exchange. Rows travel packed in
// typed arrays (no per-row structured clone); the worker answers each batch with its outcome.
import type { PackedBatch, RetentionOptions } from './history-sql.mjs';
import { PackedRows } from './packed-rows.ts';
import type { StatusChangeRecord } from './history-store.ts';

export interface WorkerInit extends RetentionOptions {
  file: string;
  busyTimeoutMs: number;
}

export interface BatchMessage extends PackedBatch {
  type: 'batch';
  seq: number;
  /** The main thread's clock (retention, and the tests' fake clocks). */
  now: number;
}

export interface WriteError {
  message: string;
  code?: string;
}

export interface DoneMessage {
  type: 'done';
  seq: number;
  error?: WriteError;
  /** How long the transaction took (sizes the next batches). */
  ms?: number;
}

/** Columns of a batch (the in-thread writer's; the worker's queue is kept packed, packed-rows.ts). */
export function pack(rows: readonly StatusChangeRecord[]): PackedBatch {
  const queue = new PackedRows();
  for (const r of rows) queue.push(r);
  return queue.take();
}

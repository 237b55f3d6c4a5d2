// What the main thread and the history worker (history-worker.mjs) exchange. Rows travel packed in
// transferable typed arrays (no per-row structured clone); the outcome of each batch is also written
// to a shared buffer, so a caller that must see the rows on disk now (flushSync) can wait for it with
// Atomics.wait while the worker's 'message' event cannot be delivered.
import type { PackedBatch, RetentionOptions } from './history-sql.mjs';
import { PackedRows } from './packed-rows.ts';
import type { StatusChangeRecord } from './history-store.ts';

export interface WorkerInit extends RetentionOptions {
  file: string;
  busyTimeoutMs: number;
  /** Int32 [settled seq, outcome, error length], then the error as UTF-8 JSON (history-worker.mjs). */
  shared: SharedArrayBuffer;
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

const SETTLED = 0;
const OUTCOME = 1;
const ERROR_LENGTH = 2;
const OK = 1;
const HEADER_BYTES = 12;
const ERROR_BYTES = 2048;

export function sharedState(): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + ERROR_BYTES);
}

/** Columns of a batch (the in-thread writer's; the worker's queue is kept packed, packed-rows.ts). */
export function pack(rows: readonly StatusChangeRecord[]): PackedBatch {
  const queue = new PackedRows();
  for (const r of rows) queue.push(r);
  return queue.take();
}

/**
 * Main side: blocks until batch `seq` is settled or `timeoutMs` passed; undefined = still running.
 */
export function waitSettled(
  shared: SharedArrayBuffer,
  seq: number,
  timeoutMs: number,
): { error?: WriteError } | undefined {
  const head = new Int32Array(shared, 0, 3);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const settled = Atomics.load(head, SETTLED);
    if (settled === seq) break;
    const left = deadline - Date.now();
    if (left <= 0) return undefined;
    Atomics.wait(head, SETTLED, settled, left);
  }
  if (Atomics.load(head, OUTCOME) === OK) return {};
  const length = Atomics.load(head, ERROR_LENGTH);
  const text = new TextDecoder().decode(new Uint8Array(shared, HEADER_BYTES, length).slice());
  try {
    return { error: JSON.parse(text) as WriteError };
  } catch {
    return { error: { message: text } };
  }
}

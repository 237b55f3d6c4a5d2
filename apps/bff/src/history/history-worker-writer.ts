// The history write-behind queue with the SQLite work on a worker thread (history-worker.mjs). Same
// contract as db/write-behind.ts: rows wait in memory and go out every flushIntervalMs or at once
// when maxBatch wait; a failed write keeps them (oldest first, bounded by maxPending, the excess
// dropped and counted), retries with a growing delay and reports failure and recovery. One batch
// is in flight at a time, so rows reach the table in the order they were recorded.
import { Worker } from 'node:worker_threads';
import type { StorageReporter } from '../db/storage-health.ts';
import type { RetentionOptions } from './history-sql.mjs';
import type { PackedBatch } from './history-sql.mjs';
import type {
  BatchMessage,
  DoneMessage,
  WorkerInit,
  WriteError,
} from './history-worker-protocol.ts';
import type { StatusChangeRecord } from './history-store.ts';
import { PackedRows } from './packed-rows.ts';

// Plain JavaScript beside this file: the same path from the sources and from the bundle (whose
// modules keep their source URL, scripts/build.ts), and no TypeScript loader needed in the worker.
const WORKER_URL = new URL('./history-worker.mjs', import.meta.url);

export interface WorkerWriterOptions extends RetentionOptions {
  /** The database file (a worker cannot share an in-memory database). */
  file: string;
  flushIntervalMs: number;
  maxBatch: number;
  now: () => number;
  maxPending?: number | undefined;
  reporter?: StorageReporter | undefined;
  /** Defaults 500 and 10,000, as db/write-behind.ts. */
  retryMinMs?: number;
  retryMaxMs?: number;
  /** The worker connection's busy_timeout; default 5,000 (as the main connection). */
  busyTimeoutMs?: number;
}

/**
 * A main-thread write (accounts, sessions, audit) that comes while the worker writes waits for that
 * transaction (busy_timeout), so transactions are sized to take about this long: 5,000 rows on an
 * idle machine, fewer when the machine is loaded (a 5,000-row transaction then took seconds).
 */
const BATCH_TARGET_MS = 50;
const MIN_BATCH_ROWS = 250;

export function nextBatchRows(rows: number, ms: number, maxBatch: number): number {
  const fitting = Math.round((rows * BATCH_TARGET_MS) / Math.max(ms, 1));
  return Math.max(Math.min(MIN_BATCH_ROWS, maxBatch), Math.min(maxBatch, fitting));
}

interface InFlight {
  seq: number;
  batch: PackedBatch;
}

export class HistoryWorkerWriter {
  private readonly queue = new PackedRows();
  private inFlight: InFlight | undefined;
  /** seq of the last batch handed to the worker. */
  private seq = 0;
  /** Rows pushed since start, and rows written or dropped since start (in push order). */
  private rowsIn = 0;
  private rowsOut = 0;
  /** Rows per transaction: sized so one takes about BATCH_TARGET_MS (at most maxBatch). */
  private batchRows: number;
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;
  private retryMs = 0;
  private closed = false;
  private closing: Promise<void> | undefined;
  private worker: Worker;
  private exited: Promise<void> = Promise.resolve();
  /** Woken whenever a batch settles (flushed() waits on it). */
  private settledWaiters: Array<() => void> = [];
  /** Rows dropped since start because maxPending was reached or close() could not write them. */
  dropped = 0;

  constructor(private readonly options: WorkerWriterOptions) {
    this.batchRows = options.maxBatch;
    this.worker = this.startWorker();
  }

  get pending(): number {
    return this.queue.length + (this.inFlight?.batch.gateways.length ?? 0);
  }

  /** True from a failed write until the next successful one. */
  get failing(): boolean {
    return this.retryMs > 0;
  }

  push(row: StatusChangeRecord): void {
    if (this.closed) throw new Error('history: write after close()');
    this.queue.push(row);
    this.rowsIn += 1;
    if (this.failing) this.bound();
    else if (this.queue.length >= this.batchRows) this.send();
    else this.schedule(this.options.flushIntervalMs);
  }

  /**
   * Resolves true once every row queued before the call is on disk, false as soon as a write fails
   * (the rows stay queued for the retry). The event loop keeps running meanwhile.
   */
  async flushed(): Promise<boolean> {
    const target = this.rowsIn;
    const failures = this.failures;
    while (this.rowsOut < target) {
      if (this.failures > failures) return false;
      this.send();
      if (!this.inFlight) return this.rowsOut >= target;
      await new Promise<void>((resolve) => this.settledWaiters.push(resolve));
    }
    return true;
  }

  /** Writes what is queued, then ends the worker; rows that cannot be written are dropped and counted. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.clearTimer();
      // A retry may be pending: the close is its last chance, so it goes at once.
      const ok = await this.flushed();
      this.closed = true;
      this.clearTimer();
      const lost = ok ? 0 : this.pending;
      if (lost > 0) {
        this.queue.dropOldest(this.queue.length);
        this.dropped += lost;
        this.rowsOut += lost;
        this.options.reporter?.dropped('history', lost);
      }
      this.worker.ref();
      this.worker.postMessage({ type: 'close' });
      await this.exited;
    })();
    return this.closing;
  }

  private startWorker(): Worker {
    const init: WorkerInit = {
      file: this.options.file,
      retentionMs: this.options.retentionMs,
      maxRows: this.options.maxRows,
      pruneIntervalMs: this.options.pruneIntervalMs,
      busyTimeoutMs: this.options.busyTimeoutMs ?? 5000,
    };
    // Only what the worker can use of the parent's flags (not, e.g., a bench probe's preload).
    const execArgv = process.execArgv.filter((a) => a === '--enable-source-maps');
    const worker = new Worker(WORKER_URL, { workerData: init, execArgv });
    worker.on('message', (m: DoneMessage) => {
      if (m.type === 'done' && worker === this.worker) this.settle(m.seq, m.error, m.ms);
    });
    worker.on('error', (error) => this.workerLost(worker, error));
    this.exited = new Promise<void>((resolve) =>
      worker.once('exit', (code) => {
        resolve();
        this.workerLost(worker, new Error(`history worker exited with code ${code}`));
      }),
    );
    // Idle, the worker must not keep a finished process alive; it is ref'd while a batch is out.
    worker.unref();
    return worker;
  }

  private send(): void {
    if (this.inFlight || this.queue.length === 0 || this.closed) return;
    this.clearTimer();
    // At most maxBatch rows per transaction: the worker holds the write lock for one batch at a time,
    // so a main-thread write (accounts, audit) waits for one batch, never for a backlog of 100,000.
    const batch = this.queue.take(this.batchRows);
    this.seq += 1;
    this.inFlight = { seq: this.seq, batch };
    const message: BatchMessage = {
      type: 'batch',
      seq: this.seq,
      now: this.options.now(),
      ...batch,
    };
    this.worker.ref();
    // Copied, not transferred: the columns go back into the queue if the write fails.
    this.worker.postMessage(message);
  }

  private settle(seq: number, error: WriteError | undefined, ms?: number): void {
    const flight = this.inFlight;
    if (!flight || flight.seq !== seq) return; // not the batch in flight (an older worker's answer)
    if (error) this.fail(flight, error);
    else {
      this.inFlight = undefined;
      const rows = flight.batch.gateways.length;
      this.rowsOut += rows;
      if (ms !== undefined && rows > 0)
        this.batchRows = nextBatchRows(rows, ms, this.options.maxBatch);
      this.worker.unref();
      if (this.failing) {
        this.retryMs = 0;
        this.options.reporter?.recovered('history');
      }
      if (this.queue.length >= this.batchRows) this.send();
      else if (this.queue.length > 0) this.schedule(this.options.flushIntervalMs);
    }
    this.wake();
  }

  private fail(flight: InFlight, error: WriteError): void {
    this.inFlight = undefined;
    this.failures += 1;
    this.worker.unref();
    this.queue.unshift(flight.batch);
    this.bound();
    const min = this.options.retryMinMs ?? 500;
    this.retryMs = Math.min(
      this.retryMs ? this.retryMs * 2 : min,
      Math.max(min, this.options.retryMaxMs ?? 10_000),
    );
    this.options.reporter?.failed(
      'history',
      Object.assign(new Error(error.message), error.code ? { code: error.code } : {}),
    );
    this.clearTimer();
    this.schedule(this.retryMs);
  }

  /** The worker died (an uncaught error, a crash): its batch goes back and a new worker takes over. */
  private workerLost(worker: Worker, error: Error): void {
    if (worker !== this.worker || this.closed) return;
    this.worker = this.startWorker();
    const flight = this.inFlight;
    if (flight) this.fail(flight, { message: error.message });
    else this.options.reporter?.failed('history', error);
    this.wake();
  }

  private wake(): void {
    const waiters = this.settledWaiters;
    this.settledWaiters = [];
    for (const w of waiters) w();
  }

  private bound(): void {
    const excess = this.queue.length - (this.options.maxPending ?? 100_000);
    if (excess <= 0) return;
    this.queue.dropOldest(excess);
    this.dropped += excess;
    this.rowsOut += excess;
    this.options.reporter?.dropped('history', excess);
  }

  private schedule(ms: number): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.send();
    }, ms);
    // A pending write must not keep a finished process alive; close() writes what is left.
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

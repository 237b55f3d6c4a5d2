// Rows queued in memory and written in batches (one transaction each) on a timer. A failed write
// (disk full, read-only file, I/O error) never throws out of the timer: the rows stay queued, oldest
// first, up to maxPending (older ones are then dropped and counted), and the write is retried with a
// growing delay until it succeeds. The queue reports each failure and recovery to the storage health.
import type { StorageReporter } from './storage-health.ts';

export interface WriteBehindOptions<T> {
  /** Writes the whole batch or nothing (throws); called with the oldest rows first. */
  write(batch: T[]): void;
  /** Name in logs and the storage status, e.g. 'history'. */
  source: string;
  flushIntervalMs: number;
  /** Queue length that triggers an immediate write while writes succeed. */
  maxBatch: number;
  /** Rows kept while writes fail; beyond it the oldest are dropped. Default 100,000. */
  maxPending?: number;
  /** First retry delay after a failure, doubled up to retryMaxMs. Defaults 500 and 10,000. */
  retryMinMs?: number;
  retryMaxMs?: number;
  reporter?: StorageReporter;
}

export class WriteBehind<T> {
  private queue: T[] = [];
  private timer: NodeJS.Timeout | undefined;
  private retryMs = 0;
  private closed = false;
  /** Rows dropped since start because maxPending was reached. */
  dropped = 0;

  constructor(private readonly options: WriteBehindOptions<T>) {}

  get pending(): number {
    return this.queue.length;
  }

  /** True from a failed write until the next successful one. */
  get failing(): boolean {
    return this.retryMs > 0;
  }

  push(row: T): void {
    this.queue.push(row);
    if (this.failing) this.bound();
    else if (this.queue.length >= this.options.maxBatch) this.flush();
    else this.schedule(this.options.flushIntervalMs);
  }

  /** Writes what is queued now; false when the write failed (the rows stay queued). */
  flush(): boolean {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.queue.length === 0) return true;
    const batch = this.queue;
    this.queue = [];
    try {
      this.options.write(batch);
    } catch (error) {
      this.queue = batch.concat(this.queue);
      this.bound();
      const min = this.options.retryMinMs ?? 500;
      this.retryMs = Math.min(
        this.retryMs ? this.retryMs * 2 : min,
        Math.max(min, this.options.retryMaxMs ?? 10_000),
      );
      this.options.reporter?.failed(this.options.source, error);
      this.schedule(this.retryMs);
      return false;
    }
    if (this.failing) {
      this.retryMs = 0;
      this.options.reporter?.recovered(this.options.source);
    }
    return true;
  }

  /** Last write; what cannot be written is dropped and counted. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (!this.flush()) {
      const lost = this.queue.length;
      this.queue = [];
      clearTimeout(this.timer);
      this.timer = undefined;
      this.dropped += lost;
      this.options.reporter?.dropped(this.options.source, lost);
    }
  }

  private bound(): void {
    const excess = this.queue.length - (this.options.maxPending ?? 100_000);
    if (excess <= 0) return;
    this.queue.splice(0, excess);
    this.dropped += excess;
    this.options.reporter?.dropped(this.options.source, excess);
  }

  private schedule(ms: number): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => this.flush(), ms);
    // A pending write must not keep a finished process alive; close() writes what is left.
    this.timer.unref();
  }
}

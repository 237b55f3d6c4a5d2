// Connection history on SQLite: the store answers facts from memory, queues changes for the
// write-behind writer (on a worker thread for a file database, history-worker-writer.ts; in-thread
// otherwise, history-writer.ts; both apply retention) and waits for that queue before the SQL reads
// (history-queries.ts), so a read always sees every change recorded before it.
import type { Database } from 'better-sqlite3';
import type { StorageReporter } from '../db/storage-health.ts';
import { DeviceFactsCache } from './device-facts.ts';
import { connectedSeries, historyPage } from './history-queries.ts';
import { HistoryWorkerWriter } from './history-worker-writer.ts';
import { createHistoryWriter } from './history-writer.ts';

export interface StatusChangeRecord {
  deviceID: number;
  gatewayID: string;
  status: number;
  /** epoch ms */
  at: number;
}

export interface StoredStatusChange extends StatusChangeRecord {
  id: number;
}

export interface DeviceFacts {
  lastConnectedAt: string | null;
  lastDisconnectedAt: string | null;
  /** status name of the last failure, e.g. TCP_NOT_ALLOWED */
  lastFailure: string | null;
  flapping: boolean;
}

export interface HistoryStore {
  /**
   * Queues a status observation. One equal to the device's last known status is not a change and is
   * skipped, so the live hub can feed whole device lists (start, reconciliation) without duplicates.
   * Throws a TypeError naming the bad field on invalid input.
   */
  record(change: StatusChangeRecord): void;
  /**
   * Updates the in-memory facts like record() but writes nothing: scaled out, the instance holding
   * the master stream writes the shared table, and the others must still answer facts and
   * gatewayOf() for the changes they are relayed.
   */
  observe(change: StatusChangeRecord): void;
  /** Map look-ups; the fact objects are shared between calls and frozen. */
  facts(deviceIDs: number[]): Map<number, DeviceFacts>;
  /**
   * Newest first; `beforeID` is the cursor (the id of the last row of the previous page).
   * `gatewayIDs` limits the rows to those gateways (a tenant user's view).
   */
  page(
    deviceID: number,
    options: { beforeID?: number; limit: number; gatewayIDs?: string[] },
  ): Promise<{ items: StoredStatusChange[]; nextCursor: number | null }>;
  /** The gateway a device was last seen on, from its facts; undefined when never seen. */
  gatewayOf(deviceID: number): string | undefined;
  /** Connected-device count at the end of each step in [from, to), over these gateways or 'all'. */
  connectedSeries(
    gatewayIDs: string[] | 'all',
    from: number,
    to: number,
    stepMs: number,
  ): Promise<number[]>;
  /** Resolves once every change recorded so far is on disk; false when a write failed. */
  flushed(): Promise<boolean>;
  /** Rows waiting in memory for the next write (more than a batch only while writes fail). */
  pending(): number;
  /** Writes what is queued (the SIGTERM drain) and ends the writer; record() throws afterwards. */
  close(): Promise<void>;
}

export interface HistoryStoreOptions {
  retentionDays: number;
  maxRows: number;
  flapThreshold: number;
  flapWindowMinutes: number;
  /** default 250 */
  flushIntervalMs?: number;
  /**
   * Queue length that triggers an immediate flush; default 5,000. Each row lands on random pages of
   * two B-trees (the per-device index and device_facts), so a bigger transaction shares more pages
   * between rows: 5,000 costs about half the CPU per row of 500 (docs/scale-notes-sim-start.md).
   */
  maxBatch?: number;
  /** default 60,000 */
  pruneIntervalMs?: number;
  /** clock (tests) */
  now?: () => number;
  /** Rows kept in memory while the database refuses writes (disk full); default 100,000. */
  maxPending?: number;
  /** Told about failed and recovered writes (the storage health of /readyz). */
  reporter?: StorageReporter;
  /**
   * Where flushes run: 'worker' (a worker thread with its own connection to the same file, so a
   * flush never holds the event loop) or 'inline' (the main connection). Default: 'worker' for a
   * file database, 'inline' for an in-memory one (a worker cannot reach it).
   */
  writer?: 'worker' | 'inline';
}

/** The writer as the store uses it, whichever thread writes. */
interface Writer {
  push(row: StatusChangeRecord): void;
  readonly pending: number;
  readonly failing: boolean;
  flushed(): Promise<boolean>;
  close(): Promise<void>;
}

function createWriter(db: Database, options: HistoryStoreOptions, now: () => number): Writer {
  const common = {
    retentionMs: options.retentionDays * 86_400_000,
    maxRows: options.maxRows,
    flushIntervalMs: options.flushIntervalMs ?? 250,
    maxBatch: options.maxBatch ?? 5000,
    pruneIntervalMs: options.pruneIntervalMs ?? 60_000,
    now,
    maxPending: options.maxPending,
    reporter: options.reporter,
  };
  const kind = options.writer ?? (db.memory ? 'inline' : 'worker');
  if (kind === 'worker') return new HistoryWorkerWriter({ ...common, file: db.name });
  const queue = createHistoryWriter(db, common);
  return {
    // The queue keeps the row until its flush: a copy, not the caller's object.
    push: (c) =>
      queue.push({ deviceID: c.deviceID, gatewayID: c.gatewayID, status: c.status, at: c.at }),
    get pending() {
      return queue.pending;
    },
    get failing() {
      return queue.failing;
    },
    flushed: () => Promise.resolve(queue.flush()),
    close: () => Promise.resolve(queue.close()),
  };
}

const UINT32_MAX = 4294967295;

function checkChange(c: StatusChangeRecord): void {
  if (!Number.isInteger(c.deviceID) || c.deviceID < 0 || c.deviceID > UINT32_MAX)
    throw new TypeError(`history: deviceID must be a uint32, got ${String(c.deviceID)}`);
  if (typeof c.gatewayID !== 'string' || c.gatewayID.length === 0)
    throw new TypeError(
      `history: gatewayID must be a non-empty string, got ${String(c.gatewayID)}`,
    );
  if (!Number.isInteger(c.status))
    throw new TypeError(`history: status must be an integer, got ${String(c.status)}`);
  if (!Number.isFinite(c.at) || c.at < 0)
    throw new TypeError(`history: at must be epoch milliseconds, got ${String(c.at)}`);
}

function checkOptions(o: HistoryStoreOptions): void {
  if (!(o.retentionDays > 0))
    throw new Error(`history: retentionDays must be > 0, got ${o.retentionDays}`);
  if (!Number.isInteger(o.maxRows) || o.maxRows < 1)
    throw new Error(`history: maxRows must be an integer >= 1, got ${o.maxRows}`);
  if (!(o.flapWindowMinutes > 0))
    throw new Error(`history: flapWindowMinutes must be > 0, got ${o.flapWindowMinutes}`);
}

export function createHistoryStore(db: Database, options: HistoryStoreOptions): HistoryStore {
  checkOptions(options);
  const now = options.now ?? Date.now;
  const known = new DeviceFactsCache(db, {
    flapThreshold: options.flapThreshold,
    flapWindowMinutes: options.flapWindowMinutes,
    now: now(),
  });
  const writer = createWriter(db, options, now);
  let closed = false;

  // Reads see what is on disk; while writes fail they do not retry the write on every request.
  const flushForRead = async (): Promise<void> => {
    if (!writer.failing) await writer.flushed();
  };

  const remember = (change: StatusChangeRecord): boolean => {
    if (closed) throw new Error('history: record() after close()');
    checkChange(change);
    return known.remember(change);
  };

  return {
    record(change) {
      if (!remember(change)) return;
      writer.push(change);
    },

    observe(change) {
      remember(change);
    },

    facts: (deviceIDs) => known.facts(deviceIDs, now()),

    async page(deviceID, options) {
      await flushForRead();
      return historyPage(db, deviceID, options);
    },

    gatewayOf: (deviceID) => known.gatewayOf(deviceID),

    async connectedSeries(gatewayIDs, from, to, stepMs) {
      await flushForRead();
      return connectedSeries(db, gatewayIDs, from, to, stepMs);
    },

    flushed: () => writer.flushed(),

    pending: () => writer.pending,

    close() {
      closed = true;
      return writer.close();
    },
  };
}

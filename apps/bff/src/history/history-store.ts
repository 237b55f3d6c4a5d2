// Connection history on SQLite: changes are queued in memory and written in one transaction per
// flush (every flushIntervalMs, or at once when maxBatch rows wait). Retention runs in the flush path:
// the row cap on every flush (a counter, no COUNT(*)), the age limit at most once per pruneIntervalMs.
import type { Database } from 'better-sqlite3';
import type { StorageReporter } from '../db/storage-health.ts';
import { WriteBehind } from '../db/write-behind.ts';
import { FlapTracker } from './flap-tracker.ts';
import {
  DeviceStatus,
  deviceStatusName,
  isConnectedStatus,
  isFailureStatus,
} from '@cmc/gsdk/names';

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
  ): { items: StoredStatusChange[]; nextCursor: number | null };
  /** The gateway a device was last seen on, from its facts; undefined when never seen. */
  gatewayOf(deviceID: number): string | undefined;
  /** Connected-device count at the end of each step in [from, to), over these gateways or 'all'. */
  connectedSeries(gatewayIDs: string[] | 'all', from: number, to: number, stepMs: number): number[];
  flush(): void;
  /** Rows waiting in memory for the next write (more than a batch only while writes fail). */
  pending(): number;
  close(): void;
}

export interface HistoryStoreOptions {
  retentionDays: number;
  maxRows: number;
  flapThreshold: number;
  flapWindowMinutes: number;
  /** default 250 */
  flushIntervalMs?: number;
  /** queue length that triggers an immediate flush; default 500 */
  maxBatch?: number;
  /** default 60,000 */
  pruneIntervalMs?: number;
  /** clock (tests) */
  now?: () => number;
  /** Rows kept in memory while the database refuses writes (disk full); default 100,000. */
  maxPending?: number;
  /** Told about failed and recovered writes (the storage health of /readyz). */
  reporter?: StorageReporter;
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

const iso = (ms: number | null): string | null => (ms == null ? null : new Date(ms).toISOString());

interface FactsRow {
  device_id: number;
  gateway_id: string;
  last_status: number;
  last_connected_at: number | null;
  last_disconnected_at: number | null;
  last_failure: number | null;
}

/** A device's facts as kept in memory: epoch ms, plus the API view built on first ask. */
interface MemoryFacts {
  gatewayID: string;
  status: number;
  connectedAt: number | null;
  disconnectedAt: number | null;
  failure: number | null;
  view: { steady: DeviceFacts; flapping: DeviceFacts } | undefined;
}

function viewOf(mem: MemoryFacts): { steady: DeviceFacts; flapping: DeviceFacts } {
  const steady: DeviceFacts = Object.freeze({
    lastConnectedAt: iso(mem.connectedAt),
    lastDisconnectedAt: iso(mem.disconnectedAt),
    lastFailure: mem.failure == null ? null : deviceStatusName(mem.failure),
    flapping: false,
  });
  return { steady, flapping: Object.freeze({ ...steady, flapping: true }) };
}

const NO_FACTS: DeviceFacts = Object.freeze({
  lastConnectedAt: null,
  lastDisconnectedAt: null,
  lastFailure: null,
  flapping: false,
});

export function createHistoryStore(db: Database, options: HistoryStoreOptions): HistoryStore {
  checkOptions(options);
  const now = options.now ?? Date.now;
  const flushIntervalMs = options.flushIntervalMs ?? 250;
  const maxBatch = options.maxBatch ?? 500;
  const pruneIntervalMs = options.pruneIntervalMs ?? 60_000;
  const retentionMs = options.retentionDays * 86_400_000;
  const flaps = new FlapTracker(options.flapThreshold, options.flapWindowMinutes * 60_000);

  const insertChange = db.prepare(
    'INSERT INTO status_changes (device_id, gateway_id, status, at) VALUES (?, ?, ?, ?)',
  );
  const upsertFacts = db.prepare(`
    INSERT INTO device_facts (device_id, gateway_id, last_status, last_changed_at, last_connected_at, last_disconnected_at, last_failure, last_failure_at)
    VALUES (@deviceID, @gatewayID, @status, @at, @connectedAt, @disconnectedAt, @failure, @failureAt)
    ON CONFLICT (device_id) DO UPDATE SET
      gateway_id = excluded.gateway_id,
      last_status = excluded.last_status,
      last_changed_at = excluded.last_changed_at,
      last_connected_at = COALESCE(excluded.last_connected_at, last_connected_at),
      last_disconnected_at = COALESCE(excluded.last_disconnected_at, last_disconnected_at),
      last_failure = COALESCE(excluded.last_failure, last_failure),
      last_failure_at = COALESCE(excluded.last_failure_at, last_failure_at)`);
  const deleteOlder = db.prepare('DELETE FROM status_changes WHERE at < ?');
  const deleteOldest = db.prepare(
    'DELETE FROM status_changes WHERE id IN (SELECT id FROM status_changes ORDER BY id LIMIT ?)',
  );

  // Every device's facts live in memory (device_facts has one row per device, so this is bounded
  // by the fleet size): a 10,000-device list then costs map look-ups instead of SQL per request.
  // The table stays the durable copy, written in the same flush as the change rows.
  const known = new Map<number, MemoryFacts>();
  for (const row of db
    .prepare<[], FactsRow>(
      'SELECT device_id, gateway_id, last_status, last_connected_at, last_disconnected_at, last_failure FROM device_facts',
    )
    .iterate()) {
    known.set(row.device_id, {
      gatewayID: row.gateway_id,
      status: row.last_status,
      connectedAt: row.last_connected_at,
      disconnectedAt: row.last_disconnected_at,
      failure: row.last_failure,
      view: undefined,
    });
  }
  // Seed the flap rings once from the changes inside the window: older ones can never make a device
  // flap again (the clock only moves on), so no per-device query is needed later.
  const since = now() - options.flapWindowMinutes * 60_000;
  const recent = new Map<number, number[]>();
  for (const r of db
    .prepare<[number], { device_id: number; at: number }>(
      'SELECT device_id, at FROM status_changes WHERE at >= ? ORDER BY id',
    )
    .iterate(since)) {
    const times = recent.get(r.device_id);
    if (times) times.push(r.at);
    else recent.set(r.device_id, [r.at]);
  }
  for (const [deviceID, times] of recent) flaps.seed(deviceID, times);
  recent.clear();

  let rowCount = (db.prepare('SELECT COUNT(*) AS n FROM status_changes').get() as { n: number }).n;
  let lastAgePrune = 0;
  let closed = false;

  const writeBatch = db.transaction((batch: StatusChangeRecord[]) => {
    for (const c of batch) {
      insertChange.run(c.deviceID, c.gatewayID, c.status, c.at);
      upsertFacts.run({
        deviceID: c.deviceID,
        gatewayID: c.gatewayID,
        status: c.status,
        at: c.at,
        connectedAt: isConnectedStatus(c.status) ? c.at : null,
        disconnectedAt: c.status === DeviceStatus.DISCONNECTED ? c.at : null,
        failure: isFailureStatus(c.status) ? c.status : null,
        failureAt: isFailureStatus(c.status) ? c.at : null,
      });
    }
    rowCount += batch.length;
    const t = now();
    if (t - lastAgePrune >= pruneIntervalMs) {
      lastAgePrune = t;
      rowCount -= deleteOlder.run(t - retentionMs).changes;
    }
    if (rowCount > options.maxRows) {
      rowCount -= deleteOldest.run(rowCount - options.maxRows).changes;
    }
  });

  // A failed write (disk full, read-only file) keeps the rows queued and retries: the facts above
  // are already in memory, so the BFF keeps answering while the disk cannot take them.
  const writer = new WriteBehind<StatusChangeRecord>({
    source: 'history',
    flushIntervalMs,
    maxBatch,
    ...(options.maxPending ? { maxPending: options.maxPending } : {}),
    ...(options.reporter ? { reporter: options.reporter } : {}),
    write(batch) {
      const counters = { rowCount, lastAgePrune };
      try {
        writeBatch(batch);
      } catch (error) {
        ({ rowCount, lastAgePrune } = counters); // the transaction rolled back
        throw error;
      }
    },
  });
  // Reads see what is on disk; while writes fail they do not retry the write on every request.
  const flush = (): void => {
    if (!writer.failing) writer.flush();
  };

  /** Folds a change into the in-memory facts; false when it repeats the device's last status. */
  function remember(change: StatusChangeRecord): boolean {
    if (closed) throw new Error('history: record() after close()');
    checkChange(change);
    const prev = known.get(change.deviceID);
    if (prev?.status === change.status) return false;
    const connected = isConnectedStatus(change.status);
    const disconnected = change.status === DeviceStatus.DISCONNECTED;
    const failed = isFailureStatus(change.status);
    // Same merge as the upsert in writeBatch (COALESCE keeps the older value when this one is null).
    known.set(change.deviceID, {
      gatewayID: change.gatewayID,
      status: change.status,
      connectedAt: connected ? change.at : (prev?.connectedAt ?? null),
      disconnectedAt: disconnected ? change.at : (prev?.disconnectedAt ?? null),
      failure: failed ? change.status : (prev?.failure ?? null),
      view: undefined,
    });
    flaps.note(change.deviceID, change.at);
    return true;
  }

  return {
    record(change) {
      if (!remember(change)) return;
      writer.push({
        deviceID: change.deviceID,
        gatewayID: change.gatewayID,
        status: change.status,
        at: change.at,
      });
    },

    observe(change) {
      remember(change);
    },

    facts(deviceIDs) {
      const result = new Map<number, DeviceFacts>();
      const t = now();
      for (const id of deviceIDs) {
        const mem = known.get(id);
        if (!mem) {
          result.set(id, NO_FACTS);
          continue;
        }
        // The facts change only with the device's status, so both answers (flapping or not) are
        // built once per change and shared by every list until the next one.
        mem.view ??= viewOf(mem);
        result.set(id, flaps.isFlapping(id, t) ? mem.view.flapping : mem.view.steady);
      }
      return result;
    },

    page(deviceID, { beforeID, limit, gatewayIDs }) {
      flush();
      const only = gatewayIDs
        ? `AND gateway_id IN (${gatewayIDs.map(() => '?').join(',') || 'NULL'})`
        : '';
      const rows = db
        .prepare<
          unknown[],
          { id: number; device_id: number; gateway_id: string; status: number; at: number }
        >(
          `SELECT id, device_id, gateway_id, status, at FROM status_changes WHERE device_id = ? AND id < ? ${only} ORDER BY id DESC LIMIT ?`,
        )
        .all(deviceID, beforeID ?? Number.MAX_SAFE_INTEGER, ...(gatewayIDs ?? []), limit + 1);
      const items = rows.slice(0, limit).map((r) => ({
        id: r.id,
        deviceID: r.device_id,
        gatewayID: r.gateway_id,
        status: r.status,
        at: r.at,
      }));
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && last ? last.id : null };
    },

    gatewayOf(deviceID) {
      return known.get(deviceID)?.gatewayID;
    },

    connectedSeries(gatewayIDs, from, to, stepMs) {
      flush();
      if (!(stepMs > 0) || !(to > from))
        throw new RangeError(
          `history: series needs from < to and step > 0 (from ${from}, to ${to}, step ${stepMs})`,
        );
      const all = gatewayIDs === 'all';
      const where = all
        ? ''
        : `gateway_id IN (${gatewayIDs.map(() => '?').join(',') || 'NULL'}) AND`;
      const args = (...rest: number[]): unknown[] => (all ? rest : [...gatewayIDs, ...rest]);
      // Status of every device at `from`: its latest change before `from` (SQLite returns the bare
      // columns of the MAX row), filled from device_facts for devices whose rows were pruned.
      const state = new Map<number, boolean>();
      const before = db.prepare(
        `SELECT device_id, status, MAX(at) AS at FROM status_changes WHERE ${where} at < ? GROUP BY device_id`,
      );
      for (const r of before.iterate(...args(from)) as IterableIterator<{
        device_id: number;
        status: number;
      }>) {
        state.set(r.device_id, isConnectedStatus(r.status));
      }
      const settled = db.prepare(
        `SELECT device_id, last_status FROM device_facts WHERE ${where} last_changed_at < ?`,
      );
      for (const r of settled.iterate(...args(from)) as IterableIterator<{
        device_id: number;
        last_status: number;
      }>) {
        state.set(r.device_id, isConnectedStatus(r.last_status));
      }
      let connected = 0;
      for (const v of state.values()) if (v) connected++;

      const steps = Math.ceil((to - from) / stepMs);
      const points: number[] = [];
      const changes = db.prepare(
        `SELECT device_id, status, at FROM status_changes WHERE ${where} at >= ? AND at < ? ORDER BY at, id`,
      );
      const it = changes.iterate(...args(from, to)) as IterableIterator<{
        device_id: number;
        status: number;
        at: number;
      }>;
      let next = it.next();
      for (let k = 0; k < steps; k++) {
        const end = from + (k + 1) * stepMs;
        while (!next.done && next.value.at < end) {
          const was = state.get(next.value.device_id) ?? false;
          const is = isConnectedStatus(next.value.status);
          if (was !== is) connected += is ? 1 : -1;
          state.set(next.value.device_id, is);
          next = it.next();
        }
        points.push(connected);
      }
      if (!next.done) it.return?.();
      return points;
    },

    flush() {
      writer.flush();
    },

    pending: () => writer.pending,

    close() {
      if (closed) return;
      writer.close();
      closed = true;
    },
  };
}

// Changes are queued in memory and written in one transaction per flush (every flushIntervalMs, or
// at once when maxBatch rows wait). Retention runs in the flush path: the row cap on every flush (a
// counter, no COUNT(*)), the age limit at most once per pruneIntervalMs.
import type { Database } from 'better-sqlite3';
import { DeviceStatus, isConnectedStatus, isFailureStatus } from '@cmc/gsdk/names';
import type { StorageReporter } from '../db/storage-health.ts';
import { WriteBehind } from '../db/write-behind.ts';
import type { StatusChangeRecord } from './history-store.ts';

export interface HistoryWriterOptions {
  retentionMs: number;
  maxRows: number;
  flushIntervalMs: number;
  maxBatch: number;
  pruneIntervalMs: number;
  now: () => number;
  maxPending?: number | undefined;
  reporter?: StorageReporter | undefined;
}

export function createHistoryWriter(
  db: Database,
  options: HistoryWriterOptions,
): WriteBehind<StatusChangeRecord> {
  const { now, pruneIntervalMs, retentionMs, maxRows } = options;
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

  let rowCount = (db.prepare('SELECT COUNT(*) AS n FROM status_changes').get() as { n: number }).n;
  let lastAgePrune = 0;

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
    if (rowCount > maxRows) {
      rowCount -= deleteOldest.run(rowCount - maxRows).changes;
    }
  });

  // A failed write (disk full, read-only file) keeps the rows queued and retries: the facts are
  // already in memory, so the BFF keeps answering while the disk cannot take them.
  return new WriteBehind<StatusChangeRecord>({
    source: 'history',
    flushIntervalMs: options.flushIntervalMs,
    maxBatch: options.maxBatch,
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
}

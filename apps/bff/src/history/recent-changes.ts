// The latest status changes over a set of gateways, for the overview's "Latest status changes"
// after a page load (the live feed only has what arrived since the socket connected).
import type { Database } from 'better-sqlite3';
import type { StoredStatusChange } from './history-store.ts';

interface Row {
  id: number;
  device_id: number;
  gateway_id: string;
  status: number;
  at: number;
}

export interface RecentChangesReader {
  /** Newest first; `gatewayIDs` 'all' = every gateway (admins). */
  recent(gatewayIDs: readonly string[] | 'all', limit: number): Promise<StoredStatusChange[]>;
}

export function createRecentChangesReader(
  db: Database,
  /**
   * Rows still queued in the write-behind buffer are written first, so nothing seen is missing
   * (history-store.ts flushed(): the event loop runs on while the worker writes).
   */
  flush: () => unknown,
): RecentChangesReader {
  const all = db.prepare<[number], Row>(
    'SELECT id, device_id, gateway_id, status, at FROM status_changes ORDER BY id DESC LIMIT ?',
  );
  return {
    async recent(gatewayIDs, limit) {
      try {
        await flush();
      } catch {
        // A failing write (disk full) must not hide what is already on disk.
      }
      let rows: Row[];
      if (gatewayIDs === 'all') rows = all.all(limit);
      else if (gatewayIDs.length === 0) rows = [];
      else {
        // json_each keeps the statement fixed whatever the number of gateways.
        rows = db
          .prepare<[string, number], Row>(
            `SELECT id, device_id, gateway_id, status, at FROM status_changes
             WHERE gateway_id IN (SELECT value FROM json_each(?)) ORDER BY id DESC LIMIT ?`,
          )
          .all(JSON.stringify(gatewayIDs), limit);
      }
      return rows.map((r) => ({
        id: r.id,
        deviceID: r.device_id,
        gatewayID: r.gateway_id,
        status: r.status,
        at: r.at,
      }));
    },
  };
}

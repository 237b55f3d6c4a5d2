// After a start the first observation of a device would say "not connected since now". Persisted
// connection history knows better: since when it has been down, and its recent drops (flapping).
// Read-only use of the history module's tables (100-connection-history.sql).
import { isConnectedStatus } from '@cmc/gsdk/names';
import type { Db } from '../../db/database.ts';
import type { DeviceSeed } from './watch-state.ts';

export function readHistorySeeds(db: Db, now: number, windowMs: number): Map<number, DeviceSeed> {
  const seeds = new Map<number, DeviceSeed>();
  const seedOf = (id: number): DeviceSeed => {
    let s = seeds.get(id);
    if (!s) seeds.set(id, (s = { drops: [] }));
    return s;
  };
  const facts = db
    .prepare<
      [],
      {
        device_id: number;
        last_status: number;
        last_changed_at: number;
        last_connected_at: number | null;
      }
    >('SELECT device_id, last_status, last_changed_at, last_connected_at FROM device_facts')
    .all();
  for (const f of facts) {
    if (isConnectedStatus(f.last_status)) continue;
    // Down since the first change after it was last connected; last_changed_at when never connected.
    seedOf(f.device_id).disconnectedSince = f.last_changed_at;
    if (f.last_connected_at !== null) {
      const first = db
        .prepare<[number, number], { at: number | null }>(
          'SELECT MIN(at) AS at FROM status_changes WHERE device_id = ? AND at > ?',
        )
        .get(f.device_id, f.last_connected_at);
      if (first?.at != null) seedOf(f.device_id).disconnectedSince = first.at;
    }
  }
  const rows = db
    .prepare<[number], { device_id: number; status: number; at: number }>(
      'SELECT device_id, status, at FROM status_changes WHERE at >= ? ORDER BY device_id, id',
    )
    .iterate(now - windowMs);
  let device = -1;
  let wasConnected = false;
  for (const row of rows) {
    if (row.device_id !== device) {
      device = row.device_id;
      wasConnected = false;
    }
    const connected = isConnectedStatus(row.status);
    if (wasConnected && !connected) seedOf(row.device_id).drops.push(row.at);
    wasConnected = connected;
  }
  return seeds;
}

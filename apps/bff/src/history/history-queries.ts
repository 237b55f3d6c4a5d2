// Reads over the stored changes. They see only what is on disk, so the store flushes its queue
// before calling them.
import type { Database } from 'better-sqlite3';
import { isConnectedStatus } from '@cmc/gsdk/names';
import type { StoredStatusChange } from './history-store.ts';

/** SQL for "gateway_id IN (…)"; an empty list matches nothing rather than being a syntax error. */
const gatewayIn = (gatewayIDs: string[]): string =>
  `gateway_id IN (${gatewayIDs.map(() => '?').join(',') || 'NULL'})`;

/** Newest first, `beforeID` the cursor; one row past the limit tells whether a next page exists. */
export function historyPage(
  db: Database,
  deviceID: number,
  { beforeID, limit, gatewayIDs }: { beforeID?: number; limit: number; gatewayIDs?: string[] },
): { items: StoredStatusChange[]; nextCursor: number | null } {
  const only = gatewayIDs ? `AND ${gatewayIn(gatewayIDs)}` : '';
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
}

/** Connected-device count at the end of each step in [from, to), over these gateways or 'all'. */
export function connectedSeries(
  db: Database,
  gatewayIDs: string[] | 'all',
  from: number,
  to: number,
  stepMs: number,
): number[] {
  if (!(stepMs > 0) || !(to > from))
    throw new RangeError(
      `history: series needs from < to and step > 0 (from ${from}, to ${to}, step ${stepMs})`,
    );
  const all = gatewayIDs === 'all';
  const where = all ? '' : `${gatewayIn(gatewayIDs)} AND`;
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
}

// Reads the connection history for a report: each device's status just before the range, then the
// changes inside it in time order, folded into figures as they stream out of SQLite.
import type { Database } from 'better-sqlite3';
import { AvailabilityFold, type DeviceFigures } from './availability.ts';

export interface DeviceAvailability extends DeviceFigures {
  deviceID: number;
  /** the gateway of the device's latest known status in or before the range */
  gatewayID: string;
}

export interface AvailabilityScope {
  /** 'all' or these gateways only (a tenant user's). */
  gatewayIDs: string[] | 'all';
  from: number;
  to: number;
}

interface Change {
  device_id: number;
  gateway_id: string;
  status: number;
  at: number;
}

export function readAvailability(db: Database, scope: AvailabilityScope): DeviceAvailability[] {
  const { from, to } = scope;
  const all = scope.gatewayIDs === 'all';
  const ids = all ? [] : (scope.gatewayIDs as string[]);
  const where = all ? '' : `gateway_id IN (${ids.map(() => '?').join(',') || 'NULL'}) AND`;
  const folds = new Map<number, { fold: AvailabilityFold; gatewayID: string }>();

  // The status at `from`: the latest change before it (SQLite returns the bare columns of the MAX
  // row), or for devices whose rows were pruned, device_facts if its last change is older.
  const initial = new Map<number, { status: number; gatewayID: string }>();
  const settled = db.prepare<
    unknown[],
    { device_id: number; gateway_id: string; last_status: number }
  >(
    `SELECT device_id, gateway_id, last_status FROM device_facts WHERE ${where} last_changed_at < ?`,
  );
  for (const r of settled.iterate(...ids, from))
    initial.set(r.device_id, { status: r.last_status, gatewayID: r.gateway_id });
  const before = db.prepare<unknown[], Change>(
    `SELECT device_id, gateway_id, status, MAX(at) AS at FROM status_changes WHERE ${where} at < ? GROUP BY device_id`,
  );
  for (const r of before.iterate(...ids, from))
    initial.set(r.device_id, { status: r.status, gatewayID: r.gateway_id });
  for (const [deviceID, { status, gatewayID }] of initial)
    folds.set(deviceID, { fold: new AvailabilityFold(from, to, status), gatewayID });

  const changes = db.prepare<unknown[], Change>(
    `SELECT device_id, gateway_id, status, at FROM status_changes WHERE ${where} at >= ? AND at < ? ORDER BY at, id`,
  );
  for (const c of changes.iterate(...ids, from, to)) {
    let entry = folds.get(c.device_id);
    if (!entry) {
      entry = { fold: new AvailabilityFold(from, to, null), gatewayID: c.gateway_id };
      folds.set(c.device_id, entry);
    }
    entry.gatewayID = c.gateway_id;
    entry.fold.add(c.at, c.status);
  }

  const out: DeviceAvailability[] = [];
  for (const [deviceID, { fold, gatewayID }] of folds)
    out.push({ deviceID, gatewayID, ...fold.finish() });
  return out.sort((a, b) => a.deviceID - b.deviceID);
}

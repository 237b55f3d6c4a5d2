// Every device's facts live in memory (device_facts has one row per device, so this is bounded by
// the fleet size): a 10,000-device list then costs map look-ups instead of SQL per request. The
// table stays the durable copy, written by the history writer in the same flush as the change rows.
import type { Database } from 'better-sqlite3';
import {
  DeviceStatus,
  deviceStatusName,
  isConnectedStatus,
  isFailureStatus,
} from '@cmc/gsdk/names';
import { FlapTracker } from './flap-tracker.ts';
import type { DeviceFacts, StatusChangeRecord } from './history-store.ts';

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

const iso = (ms: number | null): string | null => (ms == null ? null : new Date(ms).toISOString());

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

export class DeviceFactsCache {
  private readonly known = new Map<number, MemoryFacts>();
  private readonly flaps: FlapTracker;

  /** Loads every device's facts and the flap state the stored changes inside the window imply. */
  constructor(
    db: Database,
    options: { flapThreshold: number; flapWindowMinutes: number; now: number },
  ) {
    const windowMs = options.flapWindowMinutes * 60_000;
    this.flaps = new FlapTracker(options.flapThreshold, windowMs);
    for (const row of db
      .prepare<[], FactsRow>(
        'SELECT device_id, gateway_id, last_status, last_connected_at, last_disconnected_at, last_failure FROM device_facts',
      )
      .iterate()) {
      this.known.set(row.device_id, {
        gatewayID: row.gateway_id,
        status: row.last_status,
        connectedAt: row.last_connected_at,
        disconnectedAt: row.last_disconnected_at,
        failure: row.last_failure,
        view: undefined,
      });
    }
    // Seed the flap rings once from the changes inside the window: older ones can never make a
    // device flap again (the clock only moves on), so no per-device query is needed later.
    const recent = new Map<number, number[]>();
    for (const r of db
      .prepare<[number], { device_id: number; at: number }>(
        'SELECT device_id, at FROM status_changes WHERE at >= ? ORDER BY id',
      )
      .iterate(options.now - windowMs)) {
      const times = recent.get(r.device_id);
      if (times) times.push(r.at);
      else recent.set(r.device_id, [r.at]);
    }
    for (const [deviceID, times] of recent) this.flaps.seed(deviceID, times);
  }

  /** Folds a checked change into the facts; false when it repeats the device's last status. */
  remember(change: StatusChangeRecord): boolean {
    const prev = this.known.get(change.deviceID);
    if (prev?.status === change.status) return false;
    const connected = isConnectedStatus(change.status);
    const disconnected = change.status === DeviceStatus.DISCONNECTED;
    const failed = isFailureStatus(change.status);
    // Same merge as the writer's upsert (COALESCE keeps the older value when this one is null).
    if (prev) {
      // In place: at 100,000 devices these objects live in the old generation, and a fresh one per
      // change (1,000 a second) would be old-generation garbage for the major GC (issue 12).
      prev.gatewayID = change.gatewayID;
      prev.status = change.status;
      if (connected) prev.connectedAt = change.at;
      if (disconnected) prev.disconnectedAt = change.at;
      if (failed) prev.failure = change.status;
      prev.view = undefined;
    } else {
      this.known.set(change.deviceID, {
        gatewayID: change.gatewayID,
        status: change.status,
        connectedAt: connected ? change.at : null,
        disconnectedAt: disconnected ? change.at : null,
        failure: failed ? change.status : null,
        view: undefined,
      });
    }
    this.flaps.note(change.deviceID, change.at);
    return true;
  }

  facts(deviceIDs: number[], now: number): Map<number, DeviceFacts> {
    const result = new Map<number, DeviceFacts>();
    for (const id of deviceIDs) {
      const mem = this.known.get(id);
      if (!mem) {
        result.set(id, NO_FACTS);
        continue;
      }
      // The facts change only with the device's status, so both answers (flapping or not) are
      // built once per change and shared by every list until the next one.
      mem.view ??= viewOf(mem);
      result.set(id, this.flaps.isFlapping(id, now) ? mem.view.flapping : mem.view.steady);
    }
    return result;
  }

  gatewayOf(deviceID: number): string | undefined {
    return this.known.get(deviceID)?.gatewayID;
  }
}

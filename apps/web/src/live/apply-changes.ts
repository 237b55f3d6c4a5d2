import type { DeviceDetail, DeviceList, DeviceRow, DeviceStatus, LiveChange } from '@cmc/api';
import { connectedStatuses, failureStatuses } from '@cmc/api';

/** The newest change per device of one batch (changes arrive in the order they happened). */
export function latestByDevice(changes: readonly LiveChange[]): Map<number, LiveChange> {
  const latest = new Map<number, LiveChange>();
  for (const change of changes) latest.set(change.deviceID, change);
  return latest;
}

/**
 * The connection facts a status change adds, by the BFF's rule (apps/bff/src/history/device-facts.ts,
 * `remember`): a connected status sets lastConnectedAt, DISCONNECTED (and only DISCONNECTED) sets
 * lastDisconnectedAt, a failure status sets lastFailure; every other fact keeps its value. A failure
 * is not a disconnection: the server keeps the older lastDisconnectedAt, so must the browser.
 */
export function withFacts(row: DeviceRow, status: DeviceStatus, atMs: number): DeviceRow {
  const at = new Date(atMs).toISOString();
  const next: DeviceRow = { ...row, status };
  if (connectedStatuses.includes(status)) next.lastConnectedAt = at;
  else if (status === 'DISCONNECTED') next.lastDisconnectedAt = at;
  else if (failureStatuses.includes(status)) next.lastFailure = status;
  return next;
}

/**
 * A row after a status change: the status and the connection facts the history records. A change
 * that repeats the row's status changes nothing (the server's facts skip it too), and returns the
 * same object, so memoised rows do not re-render.
 */
export function applyChangeToRow(row: DeviceRow, change: LiveChange): DeviceRow {
  return change.status === row.status ? row : withFacts(row, change.status, change.at);
}

/** Applies a batch to one cached page; returns the same page object when no row of it changed. */
export function applyChangesToPage(
  page: DeviceList,
  latest: ReadonlyMap<number, LiveChange>,
): DeviceList {
  let changed = false;
  const items = page.items.map((row) => {
    const change = latest.get(row.deviceID);
    if (!change || change.gatewayID !== row.gatewayID) return row;
    const next = applyChangeToRow(row, change);
    if (next !== row) changed = true;
    return next;
  });
  return changed ? { ...page, items } : page;
}

export function applyChangesToDetail(
  detail: DeviceDetail,
  latest: ReadonlyMap<number, LiveChange>,
): DeviceDetail {
  const change = latest.get(detail.device.deviceID);
  if (!change || change.gatewayID !== detail.device.gatewayID) return detail;
  const device = applyChangeToRow(detail.device, change);
  return device === detail.device ? detail : { ...detail, device };
}

/**
 * Per-gateway delta sequence check: a delta is in order when it is exactly one after the last
 * one seen; anything else means events were missed and the gateway needs a fresh snapshot.
 */
export function sequenceGap(lastSeq: number | undefined, seq: number): boolean {
  if (lastSeq === undefined) return false;
  return seq !== lastSeq + 1;
}

/** Whether a device-list query's rows or order depend on live statuses (its params: the key's third part). */
export function dependsOnStatus(params: unknown): boolean {
  if (typeof params !== 'object' || params === null) return true;
  const p = params as { status?: unknown; sort?: unknown };
  return (
    (Array.isArray(p.status) && p.status.length > 0) ||
    p.sort === 'status' ||
    p.sort === 'lastConnectedAt'
  );
}

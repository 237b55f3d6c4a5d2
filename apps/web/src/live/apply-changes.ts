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

/** Positions of each device's rows in a page's items (a device ID may sit on two gateways). */
const rowIndexes = new WeakMap<readonly DeviceRow[], ReadonlyMap<number, readonly number[]>>();

/**
 * Where each device's rows are in `items`, built once per items array: a delta then looks up the
 * rows it names instead of visiting every row of every cached page.
 */
export function rowIndexOf(items: readonly DeviceRow[]): ReadonlyMap<number, readonly number[]> {
  let index = rowIndexes.get(items);
  if (!index) {
    const built = new Map<number, number[]>();
    items.forEach((row, i) => {
      const at = built.get(row.deviceID);
      if (at) at.push(i);
      else built.set(row.deviceID, [i]);
    });
    rowIndexes.set(items, (index = built));
  }
  return index;
}

/**
 * Applies a batch to one cached page, touching only the rows it names; returns the same page object
 * when no row of it changed. Status changes move no row, so the new items keep the old index.
 */
export function applyChangesToPage(
  page: DeviceList,
  latest: ReadonlyMap<number, LiveChange>,
): DeviceList {
  const index = rowIndexOf(page.items);
  let items: DeviceRow[] | null = null;
  for (const [deviceID, change] of latest) {
    for (const i of index.get(deviceID) ?? []) {
      const row = (items ?? page.items)[i]!;
      if (change.gatewayID !== row.gatewayID) continue;
      const next = applyChangeToRow(row, change);
      if (next === row) continue;
      items ??= page.items.slice();
      items[i] = next;
    }
  }
  if (!items) return page;
  rowIndexes.set(items, index);
  return { ...page, items };
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

// Patches the TanStack Query cache the screens read from the live events: status changes into the
// rows (with the facts the BFF's history derives from them), devices joining or leaving a managed
// list into the cached pages (list-membership.ts). A snapshot carries no device rows (the client
// opts in to light snapshots): device reads made before it are read again, and changes that arrive
// while a read is in flight are replayed onto its answer (fetch-replay.ts). Returns the query keys
// it could not patch exactly; the caller re-reads those (throttled). No socket here, so it is
// tested against a real QueryClient.
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type {
  DeltaEvent,
  DeviceDetail,
  DeviceList,
  DeviceRow,
  LiveChange,
  LiveDevice,
  SnapshotEvent,
} from '@cmc/api';
import { queryKeys } from '../lib/query-keys.ts';
import {
  applyChangeToRow,
  applyChangesToDetail,
  applyChangesToPage,
  latestByDevice,
  rowIndexOf,
  withFacts,
} from './apply-changes.ts';
import { createFetchReplay } from './fetch-replay.ts';
import { insertIntoPage, listViewOf, removeFromPage, type KnownRow } from './list-membership.ts';

export interface LiveCache {
  /** Status changes (each with its own time), newest last. */
  applyChanges(changes: readonly LiveChange[]): QueryKey[];
  /** Deltas in the order they came, at `now` (added / removed carry no time of their own). */
  applyDeltas(deltas: readonly DeltaEvent[], now: number): QueryKey[];
  /**
   * A light snapshot (gateway states, no device rows), after a join or a resync: device reads made
   * before it may miss changes that never reach this client as deltas, so they are read again.
   */
  applySnapshot(snapshot: SnapshotEvent, now: number): QueryKey[];
  /** Stops following the query cache's reads. */
  stop(): void;
}

/** The row the socket alone describes: no display name, no facts beyond what `status` implies. */
function rowOfLive(device: LiveDevice): DeviceRow {
  return {
    deviceID: device.deviceID,
    gatewayID: device.gatewayID,
    type: device.type,
    IPAddr: device.IPAddr,
    port: device.port,
    status: device.status,
    connectionMode: device.connectionMode,
    useSSL: device.useSSL,
    autoReconnect: device.autoReconnect,
  };
}

export function createLiveCache(queryClient: QueryClient): LiveCache {
  /** Devices that joined a list (`added`) as the socket last described them. */
  const devices = new Map<number, LiveDevice>();
  /** Rows of devices that left, so one that comes back keeps its name and facts. */
  const departed = new Map<number, KnownRow>();

  const lists = () => queryClient.getQueriesData<DeviceList>({ queryKey: queryKeys.deviceLists() });
  const details = () =>
    queryClient.getQueriesData<DeviceDetail>({ queryKey: queryKeys.deviceDetails() });

  /** The freshest row the client holds for a device: a cached page or detail, else the socket's. */
  function knownRow(deviceID: number): KnownRow | undefined {
    for (const [, page] of lists()) {
      const at = page && rowIndexOf(page.items).get(deviceID)?.[0];
      const row = at === undefined ? undefined : page?.items[at];
      if (row) return { row, nameKnown: true, factsKnown: true };
    }
    const detail = queryClient.getQueryData<DeviceDetail>(queryKeys.deviceDetail(deviceID));
    if (detail) return { row: detail.device, nameKnown: true, factsKnown: true };
    const live = devices.get(deviceID);
    return live ? { row: rowOfLive(live), nameKnown: false, factsKnown: false } : undefined;
  }

  function patchLists(
    stale: QueryKey[],
    patch: (
      view: NonNullable<ReturnType<typeof listViewOf>>,
      page: DeviceList,
    ) => {
      page: DeviceList;
      stale: boolean;
    },
  ): void {
    for (const [key, page] of lists()) {
      if (!page) continue;
      const view = listViewOf(key[2]);
      if (!view) {
        stale.push(key);
        continue;
      }
      const next = patch(view, page);
      if (next.page !== page) queryClient.setQueryData(key, next.page);
      if (next.stale) stale.push(key);
    }
  }

  function remove(deviceID: number, gatewayID: string, now: number, stale: QueryKey[]): void {
    const known = knownRow(deviceID);
    if (known) {
      // The BFF records a device leaving its list as DISCONNECTED (hub-context publishDiffs).
      const row = { ...known.row, gatewayID };
      departed.set(deviceID, {
        ...known,
        row: row.status === 'DISCONNECTED' ? row : withFacts(row, 'DISCONNECTED', now),
      });
    }
    patchLists(stale, (view, page) => removeFromPage(view, page, deviceID, gatewayID, known));
    if (devices.get(deviceID)?.gatewayID === gatewayID) devices.delete(deviceID);
    if (queryClient.getQueryData(queryKeys.deviceDetail(deviceID)))
      stale.push(queryKeys.deviceDetail(deviceID));
  }

  function add(device: LiveDevice, now: number, stale: QueryKey[]): void {
    const before = departed.get(device.deviceID) ?? knownRow(device.deviceID);
    departed.delete(device.deviceID);
    devices.set(device.deviceID, device);
    const { gatewayOffline: _offline, ...base } = before?.row ?? rowOfLive(device);
    const fresh = { ...base, ...rowOfLive(device), status: base.status };
    // Facts by the server's rule: its history folds the add in as a status change at this moment.
    const row: KnownRow = before
      ? {
          ...before,
          row: applyChangeToRow(fresh, { ...device, at: now }),
        }
      : { row: withFacts(fresh, device.status, now), nameKnown: false, factsKnown: false };
    patchLists(stale, (view, page) => insertIntoPage(view, page, row));
    if (queryClient.getQueryData(queryKeys.deviceDetail(device.deviceID)))
      stale.push(queryKeys.deviceDetail(device.deviceID));
  }

  // Changes that arrive while a read is in flight are applied to its answer when it lands.
  const replay = createFetchReplay(queryClient, (key, changes) => {
    const latest = latestByDevice(changes);
    const data = queryClient.getQueryData<DeviceList | DeviceDetail>(key);
    if (!data) return;
    const next =
      'items' in data ? applyChangesToPage(data, latest) : applyChangesToDetail(data, latest);
    if (next !== data) queryClient.setQueryData(key, next);
  });

  function applyChanges(changes: readonly LiveChange[]): QueryKey[] {
    const stale: QueryKey[] = [];
    if (changes.length === 0) return stale;
    replay.recordChanges(changes);
    for (const change of changes) {
      const device = devices.get(change.deviceID);
      if (device && device.gatewayID === change.gatewayID)
        devices.set(change.deviceID, { ...device, status: change.status });
    }
    const latest = latestByDevice(changes);
    for (const [key, page] of lists()) {
      if (!page) continue;
      const next = applyChangesToPage(page, latest);
      if (next !== page) queryClient.setQueryData(key, next);
    }
    for (const [key, detail] of details()) {
      if (!detail) continue;
      const next = applyChangesToDetail(detail, latest);
      if (next !== detail) {
        queryClient.setQueryData(key, next);
        // A status change often comes with a changed setup (mode, registration, filter): re-read
        // the one device shown in detail, and its history.
        stale.push(key, queryKeys.deviceHistory(detail.device.deviceID));
      }
    }
    return stale;
  }

  function applyDeltas(deltas: readonly DeltaEvent[], now: number): QueryKey[] {
    const stale: QueryKey[] = [];
    // Status changes of many deltas are applied together (one pass over the cached rows); a delta
    // with devices joining or leaving first settles the changes before it, so order is kept.
    let pending: LiveChange[] = [];
    for (const delta of deltas) {
      if ((delta.removed?.length ?? 0) > 0 || (delta.added?.length ?? 0) > 0) {
        replay.recordMembership();
        stale.push(...applyChanges(pending));
        pending = [];
        for (const id of delta.removed ?? []) remove(id, delta.gatewayID, now, stale);
        for (const device of delta.added ?? []) add(device, now, stale);
      }
      pending.push(...delta.changes);
    }
    stale.push(...applyChanges(pending));
    return stale;
  }

  function applySnapshot(snapshot: Pick<SnapshotEvent, 'hub' | 'gateways'>): QueryKey[] {
    replay.rereadAll(snapshot);
    return [];
  }

  return { applyChanges, applyDeltas, applySnapshot, stop: replay.stop };
}

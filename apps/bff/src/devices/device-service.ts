// Reads the managed-device lists of the gateways a user may see and turns them into rows.
import type { SessionUser } from '../auth/types.ts';
import { accessGateway } from '../master/gateway-access.ts';
import type { MasterPool } from '../master/master-pool.ts';
import { errorMessage } from '../http/define-route.ts';
import type { DeviceRow } from '@cmc/api';
import type { DeviceInfo } from '@cmc/gsdk';
import type { DeviceFactsSource } from './device-row.ts';
import type { DeviceRowCache, RenderedRow } from './device-row-cache.ts';
import type { GatewayMemory } from '../gateways/gateway-memory.ts';
import { offlineMessage, offlineRows } from './offline-rows.ts';
import type { RouterDeps } from '../http/route-deps.ts';
import type { GatewayState } from '../live/live-state.ts';

export interface GatewayDevices {
  gatewayID: string;
  devices: DeviceInfo[] | null;
  error: unknown;
}

async function readDeviceList(
  pool: MasterPool,
  user: SessionUser,
  gatewayID: string,
): Promise<GatewayDevices> {
  try {
    const { client } = await accessGateway(pool, user, gatewayID);
    const { deviceInfos } = await client.connectMaster.getDeviceList({ gatewayID });
    return { gatewayID, devices: deviceInfos, error: null };
  } catch (error) {
    return { gatewayID, devices: null, error };
  }
}

/** Device lists of several gateways in parallel; a failing gateway is reported, not fatal. */
export function readDeviceLists(
  pool: MasterPool,
  user: SessionUser,
  gatewayIDs: string[],
): Promise<GatewayDevices[]> {
  return Promise.all(gatewayIDs.map((gatewayID) => readDeviceList(pool, user, gatewayID)));
}

export interface CollectedRows {
  rows: RenderedRow[];
  unavailable: Array<{ gatewayID: string; error: string }>;
}

export interface CollectOptions {
  history: DeviceFactsSource | undefined;
  cache: DeviceRowCache;
  names?: (() => ReadonlyMap<number, string>) | undefined;
  /**
   * Offline gateways' devices, listed as last seen; and every list read here is remembered, as the
   * hub's are: a gateway read by a request before the hub had read it (just after a start) and
   * leaving then would otherwise show none of the devices the user was just shown.
   */
  memory?: Pick<GatewayMemory, 'offlineGateway' | 'readStarting' | 'seen'> | undefined;
  /** Some of the user's gateways are served elsewhere (device-index.ts): none failing here is fatal. */
  othersServed?: boolean;
}

/**
 * Rows of the given gateways read from the master (failing gateways listed in `unavailable`; only
 * when every gateway fails, and no other gateway is served from memory, is the first error thrown,
 * e.g. master down -> 503).
 */
export async function collectRows(
  pool: MasterPool,
  user: SessionUser,
  ids: readonly string[],
  o: CollectOptions,
): Promise<CollectedRows> {
  // Each gateway's rows are rendered as its list arrives, while the master still answers the others.
  const lists = await Promise.all(
    ids.map(async (id) => {
      const readTick = o.memory?.readStarting() ?? 0;
      const { devices, error } = await readDeviceList(pool, user, id);
      if (!devices) {
        // An offline gateway's devices stay listed, as last seen, instead of vanishing.
        const off = o.memory?.offlineGateway(id);
        if (off) {
          const rows = offlineRows(id, off, o.history, o.names?.());
          return { gatewayID: id, error: new Error(offlineMessage(id, off)), rows, off: true };
        }
        return { gatewayID: id, error, rows: null };
      }
      o.memory?.seen(id, devices, readTick);
      const facts = o.history?.facts(devices.map((d) => d.deviceID));
      // The decoded list is not kept: garbage at once, not carried through the next scavenge.
      return { gatewayID: id, error, rows: o.cache.render(id, devices, facts, o.names?.()) };
    }),
  );
  const failed = lists.filter((l) => l.rows === null || ('off' in l && l.off));
  if (failed.length > 0 && !o.othersServed && lists.every((l) => l.rows === null))
    throw failed[0]!.error;
  const rows: RenderedRow[] = [];
  for (const l of lists) if (l.rows) for (const r of l.rows) rows.push(r);
  return {
    rows,
    unavailable: failed.map((f) => ({ gatewayID: f.gatewayID, error: errorMessage(f.error) })),
  };
}

/** The gateways a route covers for this user: one (403/404 checked first) or every visible one. */
export async function gatewaysOfRequest(
  pool: MasterPool,
  user: SessionUser,
  gatewayID?: string,
): Promise<string[]> {
  if (!gatewayID) return pool.gatewaysFor(user);
  await accessGateway(pool, user, gatewayID); // 403/404 before anything else
  return [gatewayID];
}

/** Splits gateways into those served from the hub's memory and those read from the master. */
export function splitServed(
  deps: RouterDeps,
  ids: readonly string[],
): { served: GatewayState[]; through: string[] } {
  const served: GatewayState[] = [];
  const through: string[] = [];
  for (const id of ids) {
    const gw = deps.deviceIndex?.servable(id);
    if (gw) served.push(gw);
    else through.push(id);
  }
  return { served, through };
}

/** The read-through part of a request: the master's lists of `through`, as rows. */
export async function readThrough(
  deps: RouterDeps,
  user: SessionUser,
  split: { ids: readonly string[]; through: readonly string[]; servedAny: boolean },
  oneGateway: boolean,
): Promise<CollectedRows> {
  const { ids, through, servedAny } = split;
  // An admin's whole list covers every gateway the master has: rows of gateways gone are dropped.
  if (user.role === 'admin' && !oneGateway) deps.deviceRows.retainOnly(ids);
  if (servedAny) {
    const read = new Set(through);
    deps.deviceRows.forget(ids.filter((id) => !read.has(id)));
  }
  if (through.length === 0) return { rows: [], unavailable: [] };
  return collectRows(deps.pool, user, through, {
    history: deps.history,
    cache: deps.deviceRows,
    names: deps.labels?.names,
    memory: deps.gatewayMemory,
    othersServed: servedAny,
  });
}

/** Every row a route shows this user (served from memory where it can be), unsorted. */
export async function rowsForUser(
  deps: RouterDeps,
  user: SessionUser,
  gatewayID?: string,
): Promise<CollectedRows> {
  const ids = await gatewaysOfRequest(deps.pool, user, gatewayID);
  const { served, through } = splitServed(deps, ids);
  const split = { ids, through, servedAny: served.length > 0 };
  const collected = await readThrough(deps, user, split, gatewayID !== undefined);
  const index = deps.deviceIndex;
  if (!index || served.length === 0) return collected;
  const devices = served.flatMap((gw) => [...gw.devices.values()]);
  const facts = deps.history?.facts(devices.map((d) => d.deviceID));
  // Every device: cached rows are reused, the others are not kept (only hot pages are).
  const rows = index.rows.render(devices, facts, deps.labels?.names(), false);
  return { rows: [...rows, ...collected.rows], unavailable: collected.unavailable };
}

/** One device's row if the user can see it: from memory when its gateway is served, else a scan. */
export async function deviceOfUser(
  deps: RouterDeps,
  user: SessionUser,
  deviceID: number,
): Promise<DeviceRow | undefined> {
  const index = deps.deviceIndex;
  const gatewayID = index?.state.gatewayOf(deviceID);
  const gw = gatewayID === undefined ? undefined : index?.servable(gatewayID);
  const device = gw?.devices.get(deviceID);
  if (index && gw && device && (await deps.pool.gatewaysFor(user)).includes(gw.gatewayID)) {
    const facts = deps.history?.facts([deviceID]);
    return index.rows.render([device], facts, deps.labels?.names())[0]!.row;
  }
  const { rows } = await rowsForUser(deps, user);
  return rows.find((r) => r.row.deviceID === deviceID)?.row;
}

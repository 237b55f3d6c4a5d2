// Reads the managed-device lists of the gateways a user may see and turns them into rows.
import type { SessionUser } from '../auth/types.ts';
import { accessGateway } from '../master/gateway-access.ts';
import type { MasterPool } from '../master/master-pool.ts';
import { errorMessage } from '../http/define-route.ts';
import type { DeviceInfo } from '@cmc/gsdk';
import type { DeviceFactsSource } from './device-row.ts';
import type { DeviceRowCache, RenderedRow } from './device-row-cache.ts';
import { offlineMessage, offlineRows, type OfflineLookup } from './offline-rows.ts';
import type { RouterDeps } from '../http/route-deps.ts';

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

/**
 * Rows of one gateway (its errors propagate) or of every visible gateway (failing gateways listed in
 * `unavailable`; only when every gateway fails is the first error thrown, e.g. master down -> 503).
 */
export async function collectRows(
  pool: MasterPool,
  user: SessionUser,
  history: DeviceFactsSource | undefined,
  cache: DeviceRowCache,
  gatewayID?: string,
  names?: () => ReadonlyMap<number, string>,
  offline?: OfflineLookup,
): Promise<CollectedRows> {
  const ids = gatewayID ? [gatewayID] : await pool.gatewaysFor(user);
  if (gatewayID) await accessGateway(pool, user, gatewayID); // 403/404 before anything else
  // Each gateway's rows are rendered as its list arrives, while the master still answers the others.
  const lists = await Promise.all(
    ids.map(async (id) => {
      const { devices, error } = await readDeviceList(pool, user, id);
      if (!devices) {
        // An offline gateway's devices stay listed, as last seen, instead of vanishing.
        const off = offline?.(id);
        if (off) {
          const rows = offlineRows(id, off, history, names?.());
          return { gatewayID: id, error: new Error(offlineMessage(id, off)), rows, off: true };
        }
        return { gatewayID: id, error, rows: null };
      }
      const facts = history?.facts(devices.map((d) => d.deviceID));
      // The decoded list is not kept: garbage at once, not carried through the next scavenge.
      return { gatewayID: id, error, rows: cache.render(id, devices, facts, names?.()) };
    }),
  );
  const failed = lists.filter((l) => l.rows === null || ('off' in l && l.off));
  if (failed.length > 0 && lists.every((l) => l.rows === null)) throw failed[0]!.error;
  if (!gatewayID && user.role === 'admin') cache.retainOnly(ids);
  const rows: RenderedRow[] = [];
  for (const l of lists) if (l.rows) for (const r of l.rows) rows.push(r);
  return {
    rows,
    unavailable: failed.map((f) => ({ gatewayID: f.gatewayID, error: errorMessage(f.error) })),
  };
}

/** The rows a route shows this user: with the device names and the offline gateways' last-seen rows. */
export function rowsForUser(
  deps: RouterDeps,
  user: SessionUser,
  gatewayID?: string,
): Promise<CollectedRows> {
  return collectRows(
    deps.pool,
    user,
    deps.history,
    deps.deviceRows,
    gatewayID,
    deps.labels?.names,
    deps.gatewayMemory && ((id) => deps.gatewayMemory?.offlineGateway(id)),
  );
}

// Reads the managed-device lists of the gateways a user may see and turns them into rows.
import type { DeviceRow } from '@cmc/api';
import type { SessionUser } from '../auth/types.ts';
import { accessGateway } from '../master/gateway-access.ts';
import type { MasterPool } from '../master/master-pool.ts';
import { errorMessage } from '../http/define-route.ts';
import type { DeviceInfo } from '@cmc/gsdk';
import { toDeviceRow, type DeviceFactsSource } from './device-row.ts';

export interface GatewayDevices {
  gatewayID: string;
  devices: DeviceInfo[] | null;
  error: unknown;
}

/** Device lists of several gateways in parallel; a failing gateway is reported, not fatal. */
export async function readDeviceLists(
  pool: MasterPool,
  user: SessionUser,
  gatewayIDs: string[],
): Promise<GatewayDevices[]> {
  return Promise.all(
    gatewayIDs.map(async (gatewayID) => {
      try {
        const { client } = await accessGateway(pool, user, gatewayID);
        const { deviceInfos } = await client.connectMaster.getDeviceList({ gatewayID });
        return { gatewayID, devices: deviceInfos, error: null };
      } catch (error) {
        return { gatewayID, devices: null, error };
      }
    }),
  );
}

export interface CollectedRows {
  rows: DeviceRow[];
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
  gatewayID?: string,
): Promise<CollectedRows> {
  const ids = gatewayID ? [gatewayID] : await pool.gatewaysFor(user);
  if (gatewayID) await accessGateway(pool, user, gatewayID); // 403/404 before anything else
  const lists = await readDeviceLists(pool, user, ids);
  const failed = lists.filter((l) => l.devices === null);
  if (failed.length > 0 && failed.length === lists.length) throw failed[0]!.error;
  // One pass, no intermediate objects: this runs for every row of a 10,000-device list.
  const deviceIDs: number[] = [];
  for (const l of lists) for (const d of l.devices ?? []) deviceIDs.push(d.deviceID);
  const facts = history?.facts(deviceIDs);
  const rows: DeviceRow[] = new Array<DeviceRow>(deviceIDs.length);
  let i = 0;
  for (const l of lists)
    for (const d of l.devices ?? [])
      rows[i++] = toDeviceRow(d, l.gatewayID, facts?.get(d.deviceID));
  return {
    rows,
    unavailable: failed.map((f) => ({ gatewayID: f.gatewayID, error: errorMessage(f.error) })),
  };
}

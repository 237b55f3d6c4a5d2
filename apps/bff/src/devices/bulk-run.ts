// POST /devices/bulk: one action on named devices or on every device a list filter matches now. The
// selection is resolved here, with the list's own code and the user's scope (device-list.ts), then
// run per gateway in chunks of CHUNK devices: Multi commands are meant for hundreds of devices at a
// time (G-SDK facts), and each device's failure is reported, not folded into one error.
import { ConnectionMode } from '@cmc/gsdk';
import type { BulkActionRequest, BulkResponse, DeviceListQueryParsed } from '@cmc/api';
import type { SessionUser } from '../auth/types.ts';
import { errorMessage } from '../http/define-route.ts';
import type { RouterDeps } from '../http/route-deps.ts';
import { accessGateway } from '../master/gateway-access.ts';
import { matchingDevices, type DeviceFilter } from './device-list.ts';
import { multiResults } from './multi-results.ts';

export const CHUNK = 500;
/** Gateways worked on at once: the master serves the console's other users meanwhile. */
const PARALLEL_GATEWAYS = 4;

type Result = BulkResponse['results'][number];
export type ParsedSelection =
  | { deviceIDs: number[] }
  | {
      matching: Omit<DeviceListQueryParsed, 'page' | 'pageSize' | 'sort' | 'order'>;
      except?: number[] | undefined;
    };

/** The devices a selection means for this user, each with its gateway; IDs it cannot see fail. */
export async function resolveSelection(
  deps: RouterDeps,
  user: SessionUser,
  selection: ParsedSelection,
): Promise<{
  refs: Array<{ deviceID: number; gatewayID: string }>;
  unknown: number[];
  unavailable: Array<{ gatewayID: string; error: string }>;
}> {
  if ('matching' in selection) {
    const filter: DeviceFilter = { ...selection.matching, sort: 'deviceID', order: 'asc' };
    const { refs, unavailable } = await matchingDevices(deps, user, filter);
    const except = new Set(selection.except ?? []);
    return { refs: refs.filter((r) => !except.has(r.deviceID)), unknown: [], unavailable };
  }
  const everything: DeviceFilter = { sort: 'deviceID', order: 'asc', ssl: undefined };
  const { refs: all, unavailable } = await matchingDevices(deps, user, everything);
  const gatewayOf = new Map(all.map((r) => [r.deviceID, r.gatewayID]));
  const refs: Array<{ deviceID: number; gatewayID: string }> = [];
  const unknown: number[] = [];
  for (const deviceID of new Set(selection.deviceIDs)) {
    const gatewayID = gatewayOf.get(deviceID);
    if (gatewayID === undefined) unknown.push(deviceID);
    else refs.push({ deviceID, gatewayID });
  }
  return { refs, unknown, unavailable };
}

async function runChunk(
  deps: RouterDeps,
  user: SessionUser,
  gatewayID: string,
  deviceIDs: number[],
  action: BulkActionRequest,
): Promise<Result[]> {
  try {
    const { client } = await accessGateway(deps.pool, user, gatewayID);
    const cm = client.connectMaster;
    if (action.kind === 'disconnect') {
      await cm.disconnect({ deviceIDs });
      return deviceIDs.map((deviceID) => ({ deviceID, gatewayID, ok: true }));
    }
    const { deviceErrors } =
      action.kind === 'ssl'
        ? await (action.enabled
            ? cm.enableSSLMulti({ deviceIDs })
            : cm.disableSSLMulti({ deviceIDs }))
        : await cm.setConnectionModeMulti({
            deviceIDs,
            connectionMode: ConnectionMode[action.mode],
          });
    return multiResults(deviceIDs, deviceErrors).results.map((r) => ({ ...r, gatewayID }));
  } catch (error) {
    // The whole call failed (gateway offline, master down): every device of it says why.
    const message = errorMessage(error);
    return deviceIDs.map((deviceID) => ({ deviceID, gatewayID, ok: false, message }));
  }
}

export async function runBulk(
  deps: RouterDeps,
  user: SessionUser,
  action: BulkActionRequest,
  refs: ReadonlyArray<{ deviceID: number; gatewayID: string }>,
): Promise<Result[]> {
  const chunks: Array<{ gatewayID: string; deviceIDs: number[] }> = [];
  const byGateway = new Map<string, number[]>();
  for (const r of refs) {
    let ids = byGateway.get(r.gatewayID);
    if (!ids) byGateway.set(r.gatewayID, (ids = []));
    ids.push(r.deviceID);
  }
  for (const [gatewayID, ids] of byGateway)
    for (let i = 0; i < ids.length; i += CHUNK)
      chunks.push({ gatewayID, deviceIDs: ids.slice(i, i + CHUNK) });
  const results: Result[][] = new Array<Result[]>(chunks.length);
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const at = next++;
      const c = chunks[at]!;
      results[at] = await runChunk(deps, user, c.gatewayID, c.deviceIDs, action);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_GATEWAYS, chunks.length) }, worker));
  return results.flat();
}

/** "disconnect", "enable SSL", "set connection mode DEVICE_TO_SERVER" (audit summaries). */
export function describeAction(action: BulkActionRequest): string {
  if (action.kind === 'disconnect') return 'disconnect';
  if (action.kind === 'ssl') return action.enabled ? 'enable SSL' : 'disable SSL';
  return `set connection mode ${action.mode}`;
}

/** The filter as the audit shows it, e.g. `status=TCP_CONNECTED,TLS_CONNECTED q="lobby"`; `all devices` when none. */
export function describeFilter(filter: Record<string, unknown>): string {
  const parts = Object.entries(filter)
    .filter(([, v]) => v !== undefined)
    .map(
      ([k, v]) =>
        `${k}=${Array.isArray(v) ? v.join(',') : typeof v === 'string' ? JSON.stringify(v) : String(v)}`,
    );
  return parts.length > 0 ? parts.join(' ') : 'all devices';
}

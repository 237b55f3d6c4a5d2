// Read-your-writes for the device index (device-index.ts): every master call of the REST routes
// that may change a managed list or a device's fields (everything but Get..., Search... and the
// status streams) marks the gateways it touches stale from its start until the hub has re-read
// them after its end. Wrapping the pool catches every route (connect, disconnect, SSL, mode, async
// add/delete, accept filter, restore-lost, bulk runs) without each remembering to say so.
import type { MasterPool } from '../master/master-pool.ts';
import { settle, wrapPool } from '../master/wrap-pool.ts';
import type { DeviceIndex } from './device-index.ts';

const UNCHANGING = ['Get', 'Search', 'Subscribe'];

function changes(rpc: string): boolean {
  if (!rpc.startsWith('ConnectMaster.')) return false;
  const method = rpc.slice('ConnectMaster.'.length);
  return !UNCHANGING.some((prefix) => method.startsWith(prefix));
}

/** The gateways one call touches: its gatewayID, the gateways of its devices, else its tenant's. */
function touched(index: DeviceIndex, tenantID: string, request: unknown): string[] {
  const r = (request ?? {}) as { gatewayID?: unknown; deviceIDs?: unknown; deviceID?: unknown };
  if (typeof r.gatewayID === 'string' && r.gatewayID !== '') return [r.gatewayID];
  const deviceIDs = Array.isArray(r.deviceIDs)
    ? r.deviceIDs
    : typeof r.deviceID === 'number'
      ? [r.deviceID]
      : [];
  const found = new Set<string>();
  for (const id of deviceIDs) {
    const gw = typeof id === 'number' ? index.state.gatewayOf(id) : undefined;
    if (gw === undefined) return index.gatewaysOfTenant(tenantID);
    found.add(gw);
  }
  return found.size > 0 ? [...found] : index.gatewaysOfTenant(tenantID);
}

export function trackWrites(pool: MasterPool, index: DeviceIndex): MasterPool {
  return wrapPool(pool, (rpc, call, { tenantID, args }) => {
    if (!changes(rpc)) return call();
    const ended = index.changing(touched(index, tenantID, args[0]));
    return settle(call).finally(ended);
  });
}

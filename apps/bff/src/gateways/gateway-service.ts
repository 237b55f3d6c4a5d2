// Gateway summaries: connected state from the Gateway API, device counts by status from each
// gateway's managed-device list (the live hub's copy when it holds it: devices/device-index.ts).
import { deviceStatusNames, type GatewaySummary, type StatusCounts } from '@cmc/api';
import { deviceStatusName } from '@cmc/gsdk';
import type { SessionUser } from '../auth/types.ts';
import { errorMessage } from '../http/define-route.ts';
import type { MasterPool } from '../master/master-pool.ts';
import { readDeviceLists } from '../devices/device-service.ts';
import type { GatewayMemory } from './gateway-memory.ts';
import type { DeviceIndex } from '../devices/device-index.ts';

function emptyCounts(): StatusCounts {
  return Object.fromEntries(deviceStatusNames.map((n) => [n, 0])) as StatusCounts;
}

export async function gatewaySummaries(
  pool: MasterPool,
  user: SessionUser,
  gatewayIDs: string[],
  memory?: GatewayMemory,
  index?: DeviceIndex,
): Promise<GatewaySummary[]> {
  if (gatewayIDs.length === 0) return [];
  // A tenant user's Gateway.Get goes out with its tenant-scoped token, so the master filters too.
  const client =
    user.role === 'tenant' && user.tenantID ? pool.forTenant(user.tenantID) : pool.admin();
  // Decided once, before any await: a gateway is counted from memory or read, never neither.
  const inMemory = new Map(gatewayIDs.map((id) => [id, index?.servable(id)]));
  const [{ gatewayInfos }, tenants, lists] = await Promise.all([
    client.gateway.get({ gatewayIDs }),
    pool.tenants(),
    readDeviceLists(
      pool,
      user,
      gatewayIDs.filter((id) => !inMemory.get(id)),
    ),
  ]);
  const infoOf = new Map(gatewayInfos.map((g) => [g.gatewayID, g]));
  return gatewayIDs.map((gatewayID) => {
    const info = infoOf.get(gatewayID);
    const list = lists.find((l) => l.gatewayID === gatewayID);
    let counts: StatusCounts | null = null;
    const held = inMemory.get(gatewayID);
    if (held) {
      counts = emptyCounts();
      for (const d of held.devices.values()) counts[d.status] += 1;
    } else if (list?.devices) {
      counts = emptyCounts();
      for (const d of list.devices) {
        const name = deviceStatusName(d.status) as keyof StatusCounts;
        if (name in counts) counts[name] += 1;
      }
    }
    // An offline gateway manages nothing at the master; its remembered devices are "unknown".
    const offline = !info?.isConnected ? memory?.offlineGateway(gatewayID) : undefined;
    if (offline && !list?.devices && !held)
      return {
        gatewayID,
        tenantID: tenants.find((t) => t.gatewayIDs.includes(gatewayID))?.tenantID ?? null,
        connected: false,
        deviceCount: offline.devices.length,
        statusCounts: null,
        error: `gateway offline: its ${offline.devices.length} devices are unknown until it reconnects`,
      };
    return {
      gatewayID,
      tenantID: tenants.find((t) => t.gatewayIDs.includes(gatewayID))?.tenantID ?? null,
      connected: info?.isConnected ?? false,
      deviceCount: info?.deviceIDs.length ?? 0,
      statusCounts: counts,
      error: list?.error
        ? errorMessage(list.error)
        : info
          ? null
          : 'gateway not reported by the master',
    };
  });
}

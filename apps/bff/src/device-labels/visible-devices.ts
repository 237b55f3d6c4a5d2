// Which devices a tenant user may read the names of: those on the tenant's gateways right now,
// managed or waiting in the pending list. Read from the master, so a device that moved to another
// tenant's gateway stops showing its name to the old tenant at once.
import type { SessionUser } from '../auth/types.ts';
import { accessGateway } from '../master/gateway-access.ts';
import type { MasterPool } from '../master/master-pool.ts';

export async function devicesOnVisibleGateways(
  pool: MasterPool,
  user: SessionUser,
): Promise<Set<number>> {
  const ids = new Set<number>();
  const gatewayIDs = await pool.gatewaysFor(user);
  await Promise.all(
    gatewayIDs.map(async (gatewayID) => {
      const { client } = await accessGateway(pool, user, gatewayID);
      // A gateway that cannot be read (offline) shows no devices, as in the device list.
      const [managed, pending] = await Promise.allSettled([
        client.connectMaster.getDeviceList({ gatewayID }),
        client.connectMaster.getPendingList({ gatewayID }),
      ]);
      if (managed.status === 'fulfilled')
        for (const d of managed.value.deviceInfos) ids.add(d.deviceID);
      if (pending.status === 'fulfilled')
        for (const d of pending.value.deviceInfos) ids.add(d.deviceID);
    }),
  );
  return ids;
}

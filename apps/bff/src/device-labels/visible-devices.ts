// Which devices a tenant user may read the names of: those on the tenant's gateways right now,
// managed or waiting in the pending list. Read from the master, so a device that moved to another
// tenant's gateway stops showing its name to the old tenant at once. The managed lists the live hub
// holds are taken from it (devices/device-index.ts); the pending lists are always read.
import type { SessionUser } from '../auth/types.ts';
import { accessGateway } from '../master/gateway-access.ts';
import type { MasterPool } from '../master/master-pool.ts';
import type { DeviceIndex } from '../devices/device-index.ts';

export async function devicesOnVisibleGateways(
  pool: MasterPool,
  user: SessionUser,
  index?: DeviceIndex,
): Promise<Set<number>> {
  const ids = new Set<number>();
  const gatewayIDs = await pool.gatewaysFor(user);
  await Promise.all(
    gatewayIDs.map(async (gatewayID) => {
      const held = index?.servable(gatewayID);
      if (held) for (const id of held.devices.keys()) ids.add(id);
      const { client } = await accessGateway(pool, user, gatewayID);
      // A gateway that cannot be read (offline) shows no devices, as in the device list.
      const [managed, pending] = await Promise.allSettled([
        held
          ? Promise.resolve({ deviceInfos: [] })
          : client.connectMaster.getDeviceList({ gatewayID }),
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

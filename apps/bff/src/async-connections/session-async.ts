import type { AsyncConnectInfo } from '@cmc/api';
import { ConnectionMode } from '@cmc/gsdk';
import type { GsdkClient } from '@cmc/gsdk';

/** The master has no getter for session async connections: they are the managed devices it redials. */
export async function sessionAsyncConnections(
  client: GsdkClient,
  gatewayID: string,
): Promise<AsyncConnectInfo[]> {
  const { deviceInfos } = await client.connectMaster.getDeviceList({ gatewayID });
  return deviceInfos
    .filter((d) => d.autoReconnect && d.connectionMode === ConnectionMode.SERVER_TO_DEVICE)
    .map((d) => ({ deviceID: d.deviceID, IPAddr: d.IPAddr, port: d.port, useSSL: d.useSSL }));
}

import { type ConnectionMode, route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';

/** SetConnectionModeMulti: per-device results. */
export function setConnectionMode(gatewayID: string, deviceIDs: number[], mode: ConnectionMode) {
  return call(route('devices.connection-mode'), {
    params: { gatewayID },
    body: { deviceIDs, mode },
  });
}

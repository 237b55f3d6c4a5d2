import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';

export function disconnectDevices(gatewayID: string, deviceIDs: number[]) {
  return call(route('devices.disconnect'), { params: { gatewayID }, body: { deviceIDs } });
}

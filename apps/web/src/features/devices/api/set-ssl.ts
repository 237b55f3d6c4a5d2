import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';

/** EnableSSLMulti / DisableSSLMulti: per-device results, a partial failure is not an error. */
export function setSsl(gatewayID: string, deviceIDs: number[], enabled: boolean) {
  return call(route('devices.ssl'), { params: { gatewayID }, body: { deviceIDs, enabled } });
}

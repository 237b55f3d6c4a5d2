import { multiResponse } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';

/** EnableSSLMulti / DisableSSLMulti: per-device results, a partial failure is not an error. */
export function setSsl(gatewayID: string, deviceIDs: number[], enabled: boolean) {
  return api.post(`/gateways/${encodeURIComponent(gatewayID)}/ssl`, multiResponse, {
    body: { deviceIDs, enabled },
  });
}

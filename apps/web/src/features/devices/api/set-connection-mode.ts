import { multiResponse, type ConnectionMode } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';

/** SetConnectionModeMulti: per-device results. */
export function setConnectionMode(gatewayID: string, deviceIDs: number[], mode: ConnectionMode) {
  return api.post(`/gateways/${encodeURIComponent(gatewayID)}/connection-mode`, multiResponse, {
    body: { deviceIDs, mode },
  });
}

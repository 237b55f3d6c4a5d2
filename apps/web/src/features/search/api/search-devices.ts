import { useMutation } from '@tanstack/react-query';
import { searchResponse } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';

/** SearchDevice on the gateway's subnet; the answer comes after `timeoutMs`. */
export function searchDevices(gatewayID: string, timeoutMs: number) {
  return api.post(`/gateways/${encodeURIComponent(gatewayID)}/search`, searchResponse, {
    body: { timeoutMs },
  });
}

export function useSearchDevices() {
  return useMutation({
    mutationFn: ({ gatewayID, timeoutMs }: { gatewayID: string; timeoutMs: number }) =>
      searchDevices(gatewayID, timeoutMs),
  });
}

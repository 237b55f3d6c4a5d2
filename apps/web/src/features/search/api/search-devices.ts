import { useMutation } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';

/** SearchDevice on the gateway's subnet; the answer comes after `timeoutMs`. */
export function searchDevices(gatewayID: string, timeoutMs: number) {
  return call(route('gateways.search'), { params: { gatewayID }, body: { timeoutMs } });
}

export function useSearchDevices() {
  return useMutation({
    mutationFn: ({ gatewayID, timeoutMs }: { gatewayID: string; timeoutMs: number }) =>
      searchDevices(gatewayID, timeoutMs),
  });
}

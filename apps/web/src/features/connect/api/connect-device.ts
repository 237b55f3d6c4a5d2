import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ConnectRequest, route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Connect (synchronous): the device joins the managed list with autoReconnect off. */
export function connectDevice(gatewayID: string, body: ConnectRequest) {
  return call(route('gateways.connect'), { params: { gatewayID }, body });
}

export function useConnectDevice(gatewayID: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConnectRequest) => connectDevice(gatewayID, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.devices });
      void queryClient.invalidateQueries({ queryKey: queryKeys.gateways });
    },
  });
}

import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { type ConnectRequest, type ConnectResponse, route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Connect (synchronous): the device joins the managed list with autoReconnect off. */
export function connectDevice(gatewayID: string, body: ConnectRequest) {
  return call(route('gateways.connect'), { params: { gatewayID }, body });
}

export function connectDeviceMutation(queryClient: QueryClient, gatewayID: string) {
  return {
    mutationFn: (body: ConnectRequest) => connectDevice(gatewayID, body),
    // The new row and the gateway's counts arrive as a live `added` delta; only the device's
    // own detail (if cached) is read again.
    onSuccess: (data: ConnectResponse) =>
      queryClient.invalidateQueries({ queryKey: queryKeys.deviceDetail(data.deviceID) }),
  };
}

export function useConnectDevice(gatewayID: string) {
  return useMutation(connectDeviceMutation(useQueryClient(), gatewayID));
}

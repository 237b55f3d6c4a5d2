import { useMutation, useQueryClient } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function disconnectDevices(gatewayID: string, deviceIDs: number[]) {
  return call(route('devices.disconnect'), { params: { gatewayID }, body: { deviceIDs } });
}

export function useDisconnectDevices() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ gatewayID, deviceIDs }: { gatewayID: string; deviceIDs: number[] }) =>
      disconnectDevices(gatewayID, deviceIDs),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.devices }),
  });
}

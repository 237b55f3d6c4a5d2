import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ok } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function disconnectDevices(gatewayID: string, deviceIDs: number[]) {
  return api.post(`/gateways/${encodeURIComponent(gatewayID)}/disconnect`, ok, {
    body: { deviceIDs },
  });
}

export function useDisconnectDevices() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ gatewayID, deviceIDs }: { gatewayID: string; deviceIDs: number[] }) =>
      disconnectDevices(gatewayID, deviceIDs),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.devices }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ok } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function disconnectAll(gatewayID: string) {
  return api.post(`/gateways/${encodeURIComponent(gatewayID)}/disconnect-all`, ok);
}

export function useDisconnectAll() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disconnectAll,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.devices });
      void queryClient.invalidateQueries({ queryKey: queryKeys.gateways });
    },
  });
}

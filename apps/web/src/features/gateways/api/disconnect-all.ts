import { useMutation, useQueryClient } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function disconnectAll(gatewayID: string) {
  return call(route('devices.disconnect-all'), { params: { gatewayID } });
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

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ok, type Store } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** DeleteAsyncConnection (session; disconnects first) or DeleteAsyncConnectionDB. */
export function deleteAsyncConnections(gatewayID: string, store: Store, deviceIDs: number[]) {
  return api.post(
    `/gateways/${encodeURIComponent(gatewayID)}/async-connections/${store}/delete`,
    ok,
    { body: { deviceIDs } },
  );
}

export function useDeleteAsyncConnections(gatewayID: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ store, deviceIDs }: { store: Store; deviceIDs: number[] }) =>
      deleteAsyncConnections(gatewayID, store, deviceIDs),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.gatewayConfig(gatewayID) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.devices });
    },
  });
}

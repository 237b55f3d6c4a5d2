import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ok, type AsyncConnectInfo, type Store } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** AddAsyncConnection (session) or AddAsyncConnectionDB (saved, re-applied on gateway reconnect). */
export function addAsyncConnections(
  gatewayID: string,
  store: Store,
  connectInfos: AsyncConnectInfo[],
) {
  return api.post(`/gateways/${encodeURIComponent(gatewayID)}/async-connections/${store}`, ok, {
    body: { connectInfos },
  });
}

export function useAddAsyncConnections(gatewayID: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ store, connectInfos }: { store: Store; connectInfos: AsyncConnectInfo[] }) =>
      addAsyncConnections(gatewayID, store, connectInfos),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.gatewayConfig(gatewayID) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.devices });
    },
  });
}

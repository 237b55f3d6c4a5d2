import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type AsyncConnectInfo, type Store, route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** AddAsyncConnection (session) or AddAsyncConnectionDB (saved, re-applied on gateway reconnect). */
export function addAsyncConnections(
  gatewayID: string,
  store: Store,
  connectInfos: AsyncConnectInfo[],
) {
  const add = store === 'session' ? route('async.add-session') : route('async.add-db');
  return call(add, { params: { gatewayID }, body: { connectInfos } });
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

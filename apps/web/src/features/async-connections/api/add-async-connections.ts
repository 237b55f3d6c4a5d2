import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { type AsyncConnectInfo, type Store, route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { deviceDetailsOfGateway, queryKeys } from '../../../lib/query-keys.ts';

/** AddAsyncConnection (session) or AddAsyncConnectionDB (saved, re-applied on gateway reconnect). */
export function addAsyncConnections(
  gatewayID: string,
  store: Store,
  connectInfos: AsyncConnectInfo[],
) {
  const add = store === 'session' ? route('async.add-session') : route('async.add-db');
  return call(add, { params: { gatewayID }, body: { connectInfos } });
}

export function addAsyncConnectionsMutation(queryClient: QueryClient, gatewayID: string) {
  return {
    mutationFn: ({ store, connectInfos }: { store: Store; connectInfos: AsyncConnectInfo[] }) =>
      addAsyncConnections(gatewayID, store, connectInfos),
    // Rows joining or leaving the managed list arrive as live deltas; no device list is re-read.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.asyncConnections(gatewayID) });
      void queryClient.invalidateQueries(deviceDetailsOfGateway(gatewayID));
    },
  };
}

export function useAddAsyncConnections(gatewayID: string) {
  return useMutation(addAsyncConnectionsMutation(useQueryClient(), gatewayID));
}

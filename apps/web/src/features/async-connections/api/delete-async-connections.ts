import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Store, route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { deviceDetailsOfGateway, queryKeys } from '../../../lib/query-keys.ts';

/** DeleteAsyncConnection (session; disconnects first) or DeleteAsyncConnectionDB. */
export function deleteAsyncConnections(gatewayID: string, store: Store, deviceIDs: number[]) {
  const remove = store === 'session' ? route('async.delete-session') : route('async.delete-db');
  return call(remove, { params: { gatewayID }, body: { deviceIDs } });
}

export function useDeleteAsyncConnections(gatewayID: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ store, deviceIDs }: { store: Store; deviceIDs: number[] }) =>
      deleteAsyncConnections(gatewayID, store, deviceIDs),
    // Rows joining or leaving the managed list arrive as live deltas; no device list is re-read.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.asyncConnections(gatewayID) });
      void queryClient.invalidateQueries(deviceDetailsOfGateway(gatewayID));
    },
  });
}

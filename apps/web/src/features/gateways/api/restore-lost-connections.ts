import { useMutation, useQueryClient } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/**
 * saveToDatabase false: re-apply as before (session async / one-off Connect);
 * true: AddAsyncConnectionDB, so the master re-applies them at every reconnect.
 */
export function restoreLostConnections(
  gatewayID: string,
  deviceIDs: number[],
  saveToDatabase: boolean,
) {
  return call(route('lost-connections.restore'), {
    params: { gatewayID },
    body: { deviceIDs, saveToDatabase },
  });
}

export function dismissLostConnections(gatewayID: string) {
  return call(route('lost-connections.dismiss'), { params: { gatewayID } });
}

function useRefreshAfter() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.lostConnections });
    void queryClient.invalidateQueries({ queryKey: queryKeys.devices });
    void queryClient.invalidateQueries({ queryKey: queryKeys.gateways });
  };
}

export function useRestoreLostConnections(gatewayID: string) {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: ({ deviceIDs, saveToDatabase }: { deviceIDs: number[]; saveToDatabase: boolean }) =>
      restoreLostConnections(gatewayID, deviceIDs, saveToDatabase),
    onSettled: refresh,
  });
}

export function useDismissLostConnections(gatewayID: string) {
  const refresh = useRefreshAfter();
  return useMutation({ mutationFn: () => dismissLostConnections(gatewayID), onSettled: refresh });
}

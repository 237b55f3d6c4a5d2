import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type SlaveDeviceInfo, type Store, route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** SetSlaveDevice (session) or AddSlaveDeviceDB (saved) for the given parent devices. */
export function saveSlaves(gatewayID: string, store: Store, infos: SlaveDeviceInfo[]) {
  const save = store === 'session' ? route('slaves.set-session') : route('slaves.add-db');
  return call(save, { params: { gatewayID }, body: { slaveDeviceInfos: infos } });
}

/** DeleteSlaveDeviceDB by parent device. */
export function deleteSavedSlaves(gatewayID: string, deviceIDs: number[]) {
  return call(route('slaves.delete-db'), { params: { gatewayID }, body: { deviceIDs } });
}

export function useSaveSlaves(gatewayID: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ store, infos }: { store: Store; infos: SlaveDeviceInfo[] }) =>
      saveSlaves(gatewayID, store, infos),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.slaves(gatewayID) }),
  });
}

export function useDeleteSavedSlaves(gatewayID: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deviceIDs: number[]) => deleteSavedSlaves(gatewayID, deviceIDs),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.slaves(gatewayID) }),
  });
}

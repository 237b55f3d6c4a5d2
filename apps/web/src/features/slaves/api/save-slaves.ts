import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ok, type SlaveDeviceInfo, type Store } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

const base = (gatewayID: string) => `/gateways/${encodeURIComponent(gatewayID)}/slave-devices`;

/** SetSlaveDevice (session) or AddSlaveDeviceDB (saved) for the given parent devices. */
export function saveSlaves(gatewayID: string, store: Store, infos: SlaveDeviceInfo[]) {
  return store === 'session'
    ? api.put(`${base(gatewayID)}/session`, ok, { body: { slaveDeviceInfos: infos } })
    : api.post(`${base(gatewayID)}/db`, ok, { body: { slaveDeviceInfos: infos } });
}

/** DeleteSlaveDeviceDB by parent device. */
export function deleteSavedSlaves(gatewayID: string, deviceIDs: number[]) {
  return api.post(`${base(gatewayID)}/db/delete`, ok, { body: { deviceIDs } });
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

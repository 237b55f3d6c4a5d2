import { useMutation, useQueryClient } from '@tanstack/react-query';
import { route, type AcceptFilter, type Store } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { fetchAcceptFilter } from './get-accept-filter.ts';

/** SetAcceptFilter (session) or SetAcceptFilterDB (saved); answers the filters as they now are. */
export function setAcceptFilter(gatewayID: string, store: Store, filter: AcceptFilter) {
  const set =
    store === 'session' ? route('accept-filter.set-session') : route('accept-filter.set-db');
  return call(set, { params: { gatewayID }, body: { filter } });
}

/** Read-modify-write of one store's device list (the master has no add/remove of single entries). */
export async function changeAcceptedDevices(
  gatewayID: string,
  store: Store,
  add: number[],
  remove: number[] = [],
) {
  const current = (await fetchAcceptFilter(gatewayID))[store];
  const ids = new Set(current.deviceIDs);
  for (const id of remove) ids.delete(id);
  for (const id of add) ids.add(id);
  return setAcceptFilter(gatewayID, store, { ...current, deviceIDs: [...ids] });
}

export function useSetAcceptFilter(gatewayID: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ store, filter }: { store: Store; filter: AcceptFilter }) =>
      setAcceptFilter(gatewayID, store, filter),
    onSuccess: (data) => queryClient.setQueryData(queryKeys.acceptFilter(gatewayID), data),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.pending(gatewayID) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.devices });
    },
  });
}

export function useAcceptDevice(gatewayID: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ store, deviceID }: { store: Store; deviceID: number }) =>
      changeAcceptedDevices(gatewayID, store, [deviceID]),
    onSuccess: (data) => queryClient.setQueryData(queryKeys.acceptFilter(gatewayID), data),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.pending(gatewayID) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.devices });
    },
  });
}

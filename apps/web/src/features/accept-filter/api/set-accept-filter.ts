import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { route, type AcceptFilter, type AcceptFilterResponse, type Store } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { deviceDetailsOfGateway, queryKeys } from '../../../lib/query-keys.ts';

/** SetAcceptFilter (session) or SetAcceptFilterDB (saved); answers the filters as they now are. */
export function setAcceptFilter(gatewayID: string, store: Store, filter: AcceptFilter) {
  const set =
    store === 'session' ? route('accept-filter.set-session') : route('accept-filter.set-db');
  return call(set, { params: { gatewayID }, body: { filter } });
}

/**
 * Adds devices to (and removes them from) one store's filter in one step on the server, which
 * serialises changes per gateway: two administrators accepting different devices both land.
 */
export function changeAcceptedDevices(
  gatewayID: string,
  store: Store,
  add: number[],
  remove: number[] = [],
) {
  return call(route('accept-filter.change-devices'), {
    params: { gatewayID },
    body: { store, add, remove },
  });
}

/**
 * What a filter save changes: the filters (answered), the pending list and the detail of that
 * gateway's devices. Device rows and gateway counts follow from the live socket's deltas (an
 * accepted device dials in and is `added`), so no device list is read again.
 */
function afterFilterSave(queryClient: QueryClient, gatewayID: string) {
  return {
    onSuccess: (data: AcceptFilterResponse) =>
      queryClient.setQueryData(queryKeys.acceptFilter(gatewayID), data),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.pending(gatewayID) });
      void queryClient.invalidateQueries(deviceDetailsOfGateway(gatewayID));
    },
  };
}

export function useSetAcceptFilter(gatewayID: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ store, filter }: { store: Store; filter: AcceptFilter }) =>
      setAcceptFilter(gatewayID, store, filter),
    ...afterFilterSave(queryClient, gatewayID),
  });
}

/** "Accept" on a pending device (options apart from the hook, so a test can run them). */
export function acceptDeviceMutation(queryClient: QueryClient, gatewayID: string) {
  return {
    mutationFn: ({ store, deviceID }: { store: Store; deviceID: number }) =>
      changeAcceptedDevices(gatewayID, store, [deviceID]),
    ...afterFilterSave(queryClient, gatewayID),
  };
}

export function useAcceptDevice(gatewayID: string) {
  return useMutation(acceptDeviceMutation(useQueryClient(), gatewayID));
}

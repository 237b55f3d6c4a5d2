import { queryOptions, useQuery } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const pendingQuery = (gatewayID: string) =>
  queryOptions({
    queryKey: queryKeys.pending(gatewayID),
    queryFn: ({ signal }) => call(route('pending.list'), { params: { gatewayID }, signal }),
    // Refused devices keep dialling; the list has no live channel of its own.
    refetchInterval: 10_000,
  });

/** `watch`: something is about to change (a device was accepted or just disconnected), so look every second. */
export function usePending(gatewayID: string, watch = false) {
  return useQuery({
    ...pendingQuery(gatewayID),
    enabled: gatewayID !== '',
    ...(watch ? { refetchInterval: 1000 } : {}),
  });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Connections gateways lost when they reconnected to the master (the BFF names them). */
export function fetchLostConnections(signal?: AbortSignal) {
  return call(route('lost-connections.list'), { signal });
}

export const lostConnectionsQuery = () =>
  queryOptions({
    queryKey: queryKeys.lostConnections,
    queryFn: ({ signal }) => fetchLostConnections(signal),
  });

export function useLostConnections() {
  return useQuery(lostConnectionsQuery());
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function fetchAsyncConnections(gatewayID: string, signal?: AbortSignal) {
  return call(route('async.list'), { params: { gatewayID }, signal });
}

export const asyncConnectionsQuery = (gatewayID: string) =>
  queryOptions({
    queryKey: queryKeys.asyncConnections(gatewayID),
    queryFn: ({ signal }) => fetchAsyncConnections(gatewayID, signal),
  });

export function useAsyncConnections(gatewayID: string) {
  return useQuery({ ...asyncConnectionsQuery(gatewayID), enabled: gatewayID !== '' });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { asyncConnectionsResponse } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const asyncConnectionsQuery = (gatewayID: string) =>
  queryOptions({
    queryKey: queryKeys.asyncConnections(gatewayID),
    queryFn: ({ signal }) => api.get(`/gateways/${encodeURIComponent(gatewayID)}/async-connections`, asyncConnectionsResponse, { signal }),
  });

export function useAsyncConnections(gatewayID: string) {
  return useQuery({ ...asyncConnectionsQuery(gatewayID), enabled: gatewayID !== '' });
}

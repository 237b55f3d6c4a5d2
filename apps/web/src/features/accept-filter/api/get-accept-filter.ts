import { queryOptions, useQuery } from '@tanstack/react-query';
import { acceptFilterResponse } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function fetchAcceptFilter(gatewayID: string, signal?: AbortSignal) {
  return api.get(`/gateways/${encodeURIComponent(gatewayID)}/accept-filter`, acceptFilterResponse, {
    signal,
  });
}

export const acceptFilterQuery = (gatewayID: string) =>
  queryOptions({
    queryKey: queryKeys.acceptFilter(gatewayID),
    queryFn: ({ signal }) => fetchAcceptFilter(gatewayID, signal),
  });

export function useAcceptFilter(gatewayID: string) {
  return useQuery({ ...acceptFilterQuery(gatewayID), enabled: gatewayID !== '' });
}

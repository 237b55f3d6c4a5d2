import { queryOptions, useQuery } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function fetchAcceptFilter(gatewayID: string, signal?: AbortSignal) {
  return call(route('accept-filter.get'), { params: { gatewayID }, signal });
}

export const acceptFilterQuery = (gatewayID: string) =>
  queryOptions({
    queryKey: queryKeys.acceptFilter(gatewayID),
    queryFn: ({ signal }) => fetchAcceptFilter(gatewayID, signal),
  });

export function useAcceptFilter(gatewayID: string) {
  return useQuery({ ...acceptFilterQuery(gatewayID), enabled: gatewayID !== '' });
}

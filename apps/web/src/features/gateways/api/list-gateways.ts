import { queryOptions, useQuery } from '@tanstack/react-query';
import { gatewayList } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const gatewaysQuery = () =>
  queryOptions({
    queryKey: queryKeys.gatewayList(),
    queryFn: ({ signal }) => api.get('/gateways', gatewayList, { signal }),
  });

export function useGateways() {
  return useQuery(gatewaysQuery());
}

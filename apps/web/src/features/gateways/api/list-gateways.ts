import { queryOptions, useQuery } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const gatewaysQuery = () =>
  queryOptions({
    queryKey: queryKeys.gatewayList(),
    queryFn: ({ signal }) => call(route('gateways.list'), { signal }),
  });

export function useGateways() {
  return useQuery(gatewaysQuery());
}

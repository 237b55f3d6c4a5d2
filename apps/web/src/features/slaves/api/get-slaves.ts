import { queryOptions, useQuery } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const slavesQuery = (gatewayID: string) =>
  queryOptions({
    queryKey: queryKeys.slaves(gatewayID),
    queryFn: ({ signal }) => call(route('slaves.get'), { params: { gatewayID }, signal }),
  });

export function useSlaves(gatewayID: string) {
  return useQuery(slavesQuery(gatewayID));
}

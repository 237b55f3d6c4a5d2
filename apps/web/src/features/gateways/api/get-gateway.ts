import { queryOptions, useQuery } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const gatewayQuery = (gatewayID: string) =>
  queryOptions({
    queryKey: queryKeys.gateway(gatewayID),
    queryFn: ({ signal }) => call(route('gateways.get'), { params: { gatewayID }, signal }),
  });

export function useGateway(gatewayID: string) {
  return useQuery(gatewayQuery(gatewayID));
}

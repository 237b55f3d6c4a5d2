import { queryOptions, useQuery } from '@tanstack/react-query';
import { gatewaySummary } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const gatewayQuery = (gatewayID: string) =>
  queryOptions({
    queryKey: queryKeys.gateway(gatewayID),
    queryFn: ({ signal }) =>
      api.get(`/gateways/${encodeURIComponent(gatewayID)}`, gatewaySummary, { signal }),
  });

export function useGateway(gatewayID: string) {
  return useQuery(gatewayQuery(gatewayID));
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { connectedSeriesSchema } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Connected devices per minute over the last hour; 'all' sums every gateway the user may see. */
export const connectedSeriesQuery = (gatewayID: string | 'all') =>
  queryOptions({
    queryKey: queryKeys.connectedSeries(gatewayID),
    queryFn: ({ signal }) =>
      api.get(
        `/gateways/${encodeURIComponent(gatewayID)}/connected-series`,
        connectedSeriesSchema,
        {
          query: { stepSeconds: 60 },
          signal,
        },
      ),
    refetchInterval: 60_000,
  });

export function useConnectedSeries(gatewayID: string | 'all') {
  return useQuery(connectedSeriesQuery(gatewayID));
}

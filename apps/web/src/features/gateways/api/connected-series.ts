import { queryOptions, useQuery } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Connected devices per minute over the last hour; 'all' sums every gateway the user may see. */
export const connectedSeriesQuery = (gatewayID: string | 'all') =>
  queryOptions({
    queryKey: queryKeys.connectedSeries(gatewayID),
    queryFn: ({ signal }) =>
      call(route('history.connected-series'), {
        params: { gatewayID },
        query: { stepSeconds: 60 },
        signal,
      }),
    refetchInterval: 60_000,
  });

export function useConnectedSeries(gatewayID: string | 'all') {
  return useQuery(connectedSeriesQuery(gatewayID));
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { slaveDevicesResponse } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const slavesQuery = (gatewayID: string) =>
  queryOptions({
    queryKey: queryKeys.slaves(gatewayID),
    queryFn: ({ signal }) =>
      api.get(`/gateways/${encodeURIComponent(gatewayID)}/slave-devices`, slaveDevicesResponse, {
        signal,
      }),
  });

export function useSlaves(gatewayID: string) {
  return useQuery(slavesQuery(gatewayID));
}

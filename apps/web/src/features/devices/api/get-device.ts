import { queryOptions, useQuery } from '@tanstack/react-query';
import { deviceDetail } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const deviceQuery = (deviceID: number) =>
  queryOptions({
    queryKey: queryKeys.deviceDetail(deviceID),
    queryFn: ({ signal }) => api.get(`/devices/${deviceID}`, deviceDetail, { signal }),
  });

export function useDevice(deviceID: number) {
  return useQuery(deviceQuery(deviceID));
}

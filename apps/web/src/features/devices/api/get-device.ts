import { queryOptions, useQuery } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const deviceQuery = (deviceID: number) =>
  queryOptions({
    queryKey: queryKeys.deviceDetail(deviceID),
    queryFn: ({ signal }) => call(route('devices.get'), { params: { deviceID }, signal }),
  });

export function useDevice(deviceID: number) {
  return useQuery(deviceQuery(deviceID));
}

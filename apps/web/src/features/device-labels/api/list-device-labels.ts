import { queryOptions, useQuery } from '@tanstack/react-query';
import { type DeviceLabel, route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';

/** Root of every device-label query, so a change refreshes all of them. */
export const deviceLabelsKey = ['device-labels'] as const;

/**
 * Labels of the given devices (sorted, so the same set shares one cache entry), or every label the
 * user may read. The server leaves out devices outside a tenant user's gateways.
 */
export const deviceLabelsQuery = (deviceIDs?: readonly number[]) => {
  const ids = deviceIDs ? [...new Set(deviceIDs)].sort((a, b) => a - b) : undefined;
  return queryOptions({
    queryKey: [...deviceLabelsKey, ids ?? 'all'] as const,
    queryFn: ({ signal }) =>
      call(route('device-labels.list'), { query: { deviceIDs: ids }, signal }),
    enabled: ids === undefined || ids.length > 0,
    select: (data) => new Map<number, DeviceLabel>(data.labels.map((l) => [l.deviceID, l])),
  });
};

export function useDeviceLabels(deviceIDs?: readonly number[]) {
  return useQuery(deviceLabelsQuery(deviceIDs));
}

/** name-of-device look-up for lists that show device IDs (search, pending, async, live feed). */
export function useDeviceNames(
  deviceIDs?: readonly number[],
): (deviceID: number) => string | undefined {
  const { data } = useDeviceLabels(deviceIDs);
  return (deviceID) => data?.get(deviceID)?.name;
}

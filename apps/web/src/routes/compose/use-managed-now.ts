import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { SearchedDevice } from '@cmc/api';
import { devicesQuery } from '../../features/devices/api/list-devices.ts';
import { MAX_PAGE_SIZE } from '../../features/devices/api/matching-devices.ts';

/**
 * Search results as they are now: "managed" comes from the gateway's managed list (refreshed after
 * each action and by the live channel), not from the moment the search ran, so a device connected
 * from the results shows as managed and is offered nothing more.
 */
export function useManagedNow(
  gatewayID: string,
  devices: readonly SearchedDevice[] | undefined,
): readonly SearchedDevice[] {
  const list = useQuery({
    ...devicesQuery({
      gatewayID,
      sort: 'deviceID',
      order: 'asc',
      page: 1,
      pageSize: MAX_PAGE_SIZE,
    }),
    enabled: gatewayID !== '' && devices !== undefined,
  });
  return useMemo(() => {
    if (!devices) return [];
    const items = list.data?.items;
    if (!items || list.isPlaceholderData) return devices;
    const managed = new Set(items.map((r) => r.deviceID));
    return devices.map((d) =>
      managed.has(d.deviceID) === d.managed ? d : { ...d, managed: managed.has(d.deviceID) },
    );
  }, [devices, list.data, list.isPlaceholderData]);
}

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { type ConnectionMode, type DeviceStatus, type deviceSortFields, route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { claimEarlyRead } from '../../../lib/early-reads.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type SortField = (typeof deviceSortFields)[number];

/** What the devices screen asks the server for; kept in the URL so views can be shared. */
export interface DeviceListParams {
  gatewayID?: string | undefined;
  status?: DeviceStatus[] | undefined;
  mode?: ConnectionMode | undefined;
  ssl?: boolean | undefined;
  type?: string[] | undefined;
  q?: string | undefined;
  sort: SortField;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export function toQuery(
  params: Omit<DeviceListParams, 'page' | 'pageSize' | 'sort' | 'order'> &
    Partial<DeviceListParams>,
) {
  return {
    gatewayID: params.gatewayID,
    status: params.status,
    mode: params.mode,
    ssl: params.ssl === undefined ? undefined : String(params.ssl),
    type: params.type,
    q: params.q?.trim() || undefined,
    sort: params.sort,
    order: params.order,
    page: params.page,
    pageSize: params.pageSize,
  };
}

/** `allowUnauthorized`: an early read may go out before the session is known (prefetch-devices.ts). */
export function fetchDevices(
  params: DeviceListParams,
  signal?: AbortSignal,
  allowUnauthorized = false,
) {
  return call(route('devices.list'), { query: toQuery(params), signal, allowUnauthorized });
}

export const devicesQuery = (params: DeviceListParams) =>
  queryOptions({
    queryKey: queryKeys.deviceList(params),
    queryFn: ({ signal }) =>
      claimEarlyRead(queryKeys.deviceList(params), () => fetchDevices(params, signal)),
    placeholderData: keepPreviousData,
  });

export function useDevices(params: DeviceListParams) {
  return useQuery(devicesQuery(params));
}

import {
  deviceSortFields,
  deviceStatusNames,
  type ConnectionMode,
  type DeviceStatus,
} from '@cmc/api';
import type { DeviceListParams, SortField } from './api/list-devices.ts';

export const PAGE_SIZES = [100, 500, 1000, 10_000] as const;
const DEFAULT_PAGE_SIZE = 1000;

/** Devices screen state <-> URL search params, so a filtered view survives reloads and sign-in. */
export function paramsFromSearch(search: URLSearchParams): DeviceListParams {
  const status = search
    .get('status')
    ?.split(',')
    .filter((s): s is DeviceStatus => (deviceStatusNames as readonly string[]).includes(s));
  const mode = search.get('mode');
  const ssl = search.get('ssl');
  const sort = search.get('sort');
  const pageSize = Number(search.get('pageSize'));
  const page = Number(search.get('page'));
  return {
    gatewayID: search.get('gateway') || undefined,
    status: status && status.length > 0 ? status : undefined,
    mode:
      mode === 'SERVER_TO_DEVICE' || mode === 'DEVICE_TO_SERVER'
        ? (mode as ConnectionMode)
        : undefined,
    ssl: ssl === 'true' ? true : ssl === 'false' ? false : undefined,
    type: search.get('type')?.split(',').filter(Boolean) || undefined,
    q: search.get('q') || undefined,
    sort: (deviceSortFields as readonly string[]).includes(sort ?? '')
      ? (sort as SortField)
      : 'deviceID',
    order: search.get('order') === 'desc' ? 'desc' : 'asc',
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

export function searchFromParams(params: DeviceListParams): URLSearchParams {
  const out = new URLSearchParams();
  if (params.gatewayID) out.set('gateway', params.gatewayID);
  if (params.status?.length) out.set('status', params.status.join(','));
  if (params.mode) out.set('mode', params.mode);
  if (params.ssl !== undefined) out.set('ssl', String(params.ssl));
  if (params.type?.length) out.set('type', params.type.join(','));
  if (params.q) out.set('q', params.q);
  if (params.sort !== 'deviceID') out.set('sort', params.sort);
  if (params.order !== 'asc') out.set('order', params.order);
  if (params.page !== 1) out.set('page', String(params.page));
  if (params.pageSize !== DEFAULT_PAGE_SIZE) out.set('pageSize', String(params.pageSize));
  return out;
}

/** Identifies a filtered set (not its page or order) for "select all matching". */
export function filterKey(params: DeviceListParams): string {
  return JSON.stringify([
    params.gatewayID,
    params.status,
    params.mode,
    params.ssl,
    params.type,
    params.q ?? '',
  ]);
}

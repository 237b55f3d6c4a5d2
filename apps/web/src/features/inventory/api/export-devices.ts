import { buildUrl } from '../../../lib/api-client.ts';

type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number>;

/** The device list as CSV with the list's own query (filters and order; every page). */
export function exportDevicesUrl(query: Record<string, QueryValue>): string {
  const { page: _page, pageSize: _pageSize, ...rest } = query;
  return buildUrl('/inventory/devices.csv', rest);
}

import { route, type QueryOf, type RouteOf } from '@cmc/api';
import { fileUrl } from '../../../lib/api-client.ts';

/** The device list as CSV with the list's own query (filters and order; every page). */
export function exportDevicesUrl(
  query: QueryOf<RouteOf<'inventory.export'>> & { page?: unknown; pageSize?: unknown },
): string {
  const { page: _page, pageSize: _pageSize, ...rest } = query;
  return fileUrl(route('inventory.export'), { query: rest });
}

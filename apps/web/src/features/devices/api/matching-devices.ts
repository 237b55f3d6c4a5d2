import { type BulkActionRequest, type BulkResponse, type DeviceRow, route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { toQuery, type DeviceListParams } from './list-devices.ts';

/** The server's page-size ceiling: the whole filtered set of a master fits in one answer. */
export const MAX_PAGE_SIZE = 10_000;

export interface DeviceRef {
  deviceID: number;
  gatewayID: string;
}

/**
 * Every device matching a filter (for "select all N matching"), read when an action runs so the
 * action applies to the filtered set as it is now, not as it was when the page loaded.
 */
export async function fetchMatchingRows(
  filter: Omit<DeviceListParams, 'page' | 'pageSize'>,
): Promise<DeviceRow[]> {
  const rows: DeviceRow[] = [];
  for (let page = 1; ; page++) {
    const result = await call(route('devices.list'), {
      query: toQuery({ ...filter, page, pageSize: MAX_PAGE_SIZE }),
    });
    rows.push(...result.items);
    if (page * MAX_PAGE_SIZE >= result.total || result.items.length === 0) return rows;
  }
}

/**
 * Runs an action on every device matching a filter but the unticked ones, resolved by the BFF with
 * the list's own filter at the moment it runs (POST /devices/bulk): the browser never fetches the
 * matching set, however large it is.
 */
export function runOnMatching(
  filter: Omit<DeviceListParams, 'page' | 'pageSize'>,
  except: Iterable<number>,
  action: BulkActionRequest,
): Promise<BulkResponse> {
  // The list's filter in its query form (comma-separated lists), as the route expects it.
  const matching = {
    gatewayID: filter.gatewayID,
    status: filter.status?.join(','),
    mode: filter.mode,
    ssl: filter.ssl === undefined ? undefined : filter.ssl ? ('true' as const) : ('false' as const),
    type: filter.type?.join(','),
    q: filter.q?.trim() || undefined,
  };
  return call(route('devices.bulk'), {
    body: { action, selection: { matching, except: [...except] } },
  });
}

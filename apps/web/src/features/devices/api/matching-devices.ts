import { type DeviceRow, route } from '@cmc/api';
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

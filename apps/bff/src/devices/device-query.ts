// Server-side filter, sort and page of device rows, so 10,000 devices never travel at once unless asked.
import type { DeviceListQueryParsed, DeviceRow } from '@cmc/api';
import { deviceTypeLabelOfName } from '@cmc/gsdk/names';

function ipKey(ip: string): string {
  // Zero-padded octets sort numerically as strings; non-IPv4 text sorts after.
  const parts = ip.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p))
    ? parts.map((p) => p.padStart(3, '0')).join('.')
    : `~${ip}`;
}

/** `rowOf` reads the row of an item, so cached rows (device-row-cache.ts) are filtered without copies. */
export function filterDevices<T>(
  items: readonly T[],
  q: DeviceListQueryParsed,
  rowOf: (item: T) => DeviceRow,
): T[] {
  const statuses = q.status ? new Set<string>(q.status) : null;
  const types = q.type ? new Set(q.type) : null;
  const text = q.q?.trim().toLowerCase();
  if (!statuses && !types && !q.mode && q.ssl === undefined && !text) return [...items];
  return items.filter((item) => {
    const r = rowOf(item);
    if (statuses && !statuses.has(r.status)) return false;
    if (q.mode && r.connectionMode !== q.mode) return false;
    if (q.ssl !== undefined && r.useSSL !== q.ssl) return false;
    if (types && !types.has(r.type)) return false;
    if (text) {
      // The product name too, as the console shows it ('x-station' finds XSTATION_2), and the
      // display name an administrator gave the device.
      const label = deviceTypeLabelOfName(r.type);
      const hay =
        `${r.deviceID} ${r.IPAddr} ${r.type} ${label} ${r.gatewayID} ${r.name ?? ''}`.toLowerCase();
      if (!hay.includes(text)) return false;
    }
    return true;
  });
}

export function sortDevices<T>(
  items: readonly T[],
  sort: DeviceListQueryParsed['sort'],
  order: DeviceListQueryParsed['order'],
  rowOf: (item: T) => DeviceRow,
): T[] {
  const key = (r: DeviceRow): string | number => {
    switch (sort) {
      case 'IPAddr':
        return ipKey(r.IPAddr);
      case 'useSSL':
        return r.useSSL ? 1 : 0;
      case 'lastConnectedAt':
        return r.lastConnectedAt ?? '';
      case 'deviceID':
        return r.deviceID;
      default:
        return r[sort];
    }
  };
  const dir = order === 'desc' ? -1 : 1;
  if (sort === 'deviceID') return byDeviceID(items, dir, rowOf);
  // Keys computed once per row, not once per comparison (10,000 rows ~ 130,000 comparisons).
  const keyed = items.map((item) => {
    const r = rowOf(item);
    return { k: key(r), id: r.deviceID, item };
  });
  // Ties break on device ID so paging is stable.
  keyed.sort((a, b) => {
    if (a.k < b.k) return -dir;
    if (a.k > b.k) return dir;
    return a.id - b.id;
  });
  return keyed.map((x) => x.item);
}

/**
 * The default order. A device ID is a uint32, so (ID, position) packs exactly into one float64 below
 * 2^53, and a native Float64Array sort replaces ~130,000 comparator calls for 10,000 rows.
 */
function byDeviceID<T>(items: readonly T[], dir: 1 | -1, rowOf: (item: T) => DeviceRow): T[] {
  const n = items.length;
  const scale = 2 ** Math.max(1, Math.ceil(Math.log2(n + 1)));
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const id = rowOf(items[i]!).deviceID;
    if (!(Number.isInteger(id) && id >= 0 && id < 2 ** 32) || scale > 2 ** 21) {
      return [...items].sort((a, b) => dir * (rowOf(a).deviceID - rowOf(b).deviceID));
    }
    keys[i] = id * scale + i;
  }
  keys.sort();
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = items[keys[dir === 1 ? i : n - 1 - i]! % scale]!;
  return out;
}

export function pageOf<T>(rows: T[], page: number, pageSize: number): T[] {
  return rows.slice((page - 1) * pageSize, page * pageSize);
}

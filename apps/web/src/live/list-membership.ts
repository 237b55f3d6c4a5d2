// Devices joining or leaving a cached device-list page, decided on the client where the page itself
// says enough: the BFF's filter and order (apps/bff/src/devices/device-query.ts) are repeated here
// over the names the socket and REST both carry. Where the answer depends on rows the page does not
// hold, the patch says `stale` and that one page is re-read.
//
// The rule, per page of a (filter, sort) view, for a device D:
// - D does not match the filter: nothing changes.
// - D is on the page and leaves: its row goes and `total` drops; when more rows follow the page,
//   the first of them would move up into it, and which that is only the server knows: stale.
// - D leaves from after the page's last row: `total` drops, rows stay. From before its first row
//   (an earlier page): every row shifts by one: stale.
// - D arrives within the page (or before its first row on page 1): it is inserted in order and, on
//   a full page, the last row moves on to the next page. After the last row: appended when the page
//   is not full (it is the last page), else it belongs to a later page and only `total` grows.
//   Before the first row of a later page: the previous page's last row would move in: stale.
// - Whether D matches, or where it sorts, cannot be told (free text that may match a display name
//   the socket does not carry; sorting by last-connected time of a device whose facts are unknown):
//   stale. A page that holds the whole list (page 1, nothing after it) knows every member, so a
//   device absent from it is not in the list.
import type { DeviceList, DeviceRow } from '@cmc/api';
import { deviceSortFields, deviceTypeLabelOfName } from '@cmc/api';

/** The parameters of a device-list query (the query key's third part), as far as they matter here. */
export interface ListView {
  gatewayID?: string | undefined;
  status?: readonly string[] | undefined;
  mode?: string | undefined;
  ssl?: boolean | undefined;
  type?: readonly string[] | undefined;
  q?: string | undefined;
  sort: string;
  order: 'asc' | 'desc';
}

/** A row as far as the client knows it; `nameKnown` / `factsKnown` false for one built from the socket alone. */
export interface KnownRow {
  row: DeviceRow;
  nameKnown: boolean;
  factsKnown: boolean;
}

export interface PagePatch {
  page: DeviceList;
  /** The page may now differ from the server's answer in a way the client cannot repair. */
  stale: boolean;
}

const SORTS: ReadonlySet<string> = new Set(deviceSortFields);

/** The view of a device-list query key's params; null when they are not a shape we know. */
export function listViewOf(params: unknown): ListView | null {
  if (typeof params !== 'object' || params === null) return null;
  const p = params as Partial<ListView>;
  if (typeof p.sort !== 'string' || !SORTS.has(p.sort)) return null;
  if (p.order !== 'asc' && p.order !== 'desc') return null;
  return p as ListView;
}

/** Whether a row belongs to the view's filtered set; undefined when the client cannot tell. */
export function matchesView(view: ListView, known: KnownRow): boolean | undefined {
  const r = known.row;
  if (view.gatewayID && r.gatewayID !== view.gatewayID) return false;
  if (view.status && view.status.length > 0 && !view.status.includes(r.status)) return false;
  if (view.mode && r.connectionMode !== view.mode) return false;
  if (view.ssl !== undefined && r.useSSL !== view.ssl) return false;
  if (view.type && view.type.length > 0 && !view.type.includes(r.type)) return false;
  const text = view.q?.trim().toLowerCase();
  if (!text) return true;
  const hay =
    `${r.deviceID} ${r.IPAddr} ${r.type} ${deviceTypeLabelOfName(r.type)} ${r.gatewayID} ${r.name ?? ''}`.toLowerCase();
  if (hay.includes(text)) return true;
  return known.nameKnown ? false : undefined;
}

function ipKey(ip: string): string {
  const parts = ip.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p))
    ? parts.map((p) => p.padStart(3, '0')).join('.')
    : `~${ip}`;
}

function sortKey(view: ListView, known: KnownRow): string | number | undefined {
  const r = known.row;
  switch (view.sort) {
    case 'IPAddr':
      return ipKey(r.IPAddr);
    case 'useSSL':
      return r.useSSL ? 1 : 0;
    case 'lastConnectedAt':
      return known.factsKnown ? (r.lastConnectedAt ?? '') : undefined;
    default:
      return r[view.sort as 'deviceID' | 'gatewayID' | 'type' | 'status' | 'connectionMode'];
  }
}

/** The server's order: the sort key, ties broken by device ID, both reversed for desc. */
function compare(view: ListView, a: KnownRow, b: KnownRow): number | undefined {
  const ka = sortKey(view, a);
  const kb = sortKey(view, b);
  if (ka === undefined || kb === undefined) return undefined;
  const dir = view.order === 'desc' ? -1 : 1;
  if (view.sort === 'deviceID') return dir * (a.row.deviceID - b.row.deviceID);
  if (ka < kb) return -dir;
  if (ka > kb) return dir;
  return a.row.deviceID - b.row.deviceID;
}

const cached = (row: DeviceRow): KnownRow => ({ row, nameKnown: true, factsKnown: true });

function hasRowsAfter(page: DeviceList): boolean {
  return (page.page - 1) * page.pageSize + page.items.length < page.total;
}

function holdsWholeList(page: DeviceList): boolean {
  return page.page === 1 && !hasRowsAfter(page);
}

/** Device `deviceID` left gateway `gatewayID`; `known` = its last row, when the client has one. */
export function removeFromPage(
  view: ListView,
  page: DeviceList,
  deviceID: number,
  gatewayID: string,
  known: KnownRow | undefined,
): PagePatch {
  const index = page.items.findIndex((r) => r.deviceID === deviceID && r.gatewayID === gatewayID);
  if (index >= 0) {
    const items = page.items.filter((_, i) => i !== index);
    return { page: { ...page, items, total: page.total - 1 }, stale: hasRowsAfter(page) };
  }
  if (holdsWholeList(page)) return { page, stale: false };
  const matches = known ? matchesView(view, known) : undefined;
  if (matches === false) return { page, stale: false };
  const last = page.items.at(-1);
  const after = known && last ? compare(view, known, cached(last)) : undefined;
  if (matches === true && after !== undefined && after > 0 && hasRowsAfter(page))
    return { page: { ...page, total: page.total - 1 }, stale: false };
  return { page, stale: true };
}

/** Device `known.row` joined its gateway's managed list. */
export function insertIntoPage(view: ListView, page: DeviceList, known: KnownRow): PagePatch {
  // Already listed (on this gateway or the one it moved from): the new row replaces it.
  let stale = false;
  for (const old of page.items.filter((r) => r.deviceID === known.row.deviceID)) {
    const removed = removeFromPage(view, page, old.deviceID, old.gatewayID, cached(old));
    page = removed.page;
    stale ||= removed.stale;
  }
  const matches = matchesView(view, known);
  if (matches === false) return { page, stale };
  if (matches === undefined) return { page, stale: true };
  let index = 0;
  for (; index < page.items.length; index++) {
    const order = compare(view, known, cached(page.items[index]!));
    if (order === undefined) return { page, stale: true };
    if (order < 0) break;
  }
  const total = page.total + 1;
  if (index === 0 && page.page > 1) return { page: { ...page, total }, stale: true };
  if (index === page.items.length && page.items.length >= page.pageSize)
    return { page: { ...page, total }, stale };
  const items = [...page.items.slice(0, index), known.row, ...page.items.slice(index)];
  if (items.length > page.pageSize) items.pop();
  return { page: { ...page, items, total }, stale };
}

// GET /devices: the matching devices of the gateways a user may see, one page of them rendered.
// Gateways the live hub holds are filtered in memory (memory-query.ts); the others are read through
// from the master as before (device-service.ts); the two sorted sequences are merged for the page.
import type { DeviceListQueryParsed, LiveCut } from '@cmc/api';
import type { SessionUser } from '../auth/types.ts';
import type { RouterDeps } from '../http/route-deps.ts';
import { compareKeyed, filterDevices, sortDevices, sortKey } from './device-query.ts';
import type { GatewayState } from '../live/live-state.ts';
import type { RenderedRow } from './device-row-cache.ts';
import { gatewaysOfRequest, readThrough, splitServed } from './device-service.ts';
import { queryMemory } from './memory-query.ts';

const rowOf = (r: RenderedRow) => r.row;

export interface DevicePage {
  items: RenderedRow[];
  total: number;
  unavailable: Array<{ gatewayID: string; error: string }>;
  /** Where the memory side was cut in the live channel; undefined without a device index. */
  live: LiveCut | undefined;
}

export type DeviceFilter = Omit<DeviceListQueryParsed, 'page' | 'pageSize'>;

/** Every matching device in list order, as (deviceID, gatewayID) refs (bulk selections). */
export async function matchingDevices(
  deps: RouterDeps,
  user: SessionUser,
  filter: DeviceFilter,
): Promise<{
  refs: Array<{ deviceID: number; gatewayID: string }>;
  unavailable: DevicePage['unavailable'];
}> {
  const all = await listDevices(
    deps,
    user,
    { ...filter, page: 1, pageSize: Number.MAX_SAFE_INTEGER },
    false,
  );
  return { refs: all.refs, unavailable: all.unavailable };
}

export async function listDevices(
  deps: RouterDeps,
  user: SessionUser,
  q: DeviceListQueryParsed,
): Promise<DevicePage>;
export async function listDevices(
  deps: RouterDeps,
  user: SessionUser,
  q: DeviceListQueryParsed,
  render: false,
): Promise<DevicePage & { refs: Array<{ deviceID: number; gatewayID: string }> }>;
export async function listDevices(
  deps: RouterDeps,
  user: SessionUser,
  q: DeviceListQueryParsed,
  render = true,
): Promise<DevicePage & { refs: Array<{ deviceID: number; gatewayID: string }> }> {
  const ids = await gatewaysOfRequest(deps.pool, user, q.gatewayID);
  const { served, through } = splitServed(deps, ids);
  const split = { ids, through, servedAny: served.length > 0 };
  const collected = await readThrough(deps, user, split, q.gatewayID !== undefined);
  const names = deps.labels?.names();
  const other = sortDevices(filterDevices(collected.rows, q, rowOf), q.sort, q.order, rowOf);
  // The memory side needs no more than the page's end in order, whatever the other side holds.
  const pageEnd = q.page * q.pageSize;
  const mem = deps.deviceIndex
    ? queryMemory(deps.deviceIndex, served, q, names, deps.history, pageEnd)
    : { devices: [], total: 0 };
  // Taken in the same synchronous step as the memory query, so the seqs match the rows exactly.
  const live = deps.deviceIndex
    ? liveCut(deps.deviceIndex.state.hubID, served, through)
    : undefined;
  const total = mem.total + other.length;
  const start = Math.min((q.page - 1) * q.pageSize, total);
  const end = Math.min(start + q.pageSize, total);
  // Merge of the two sorted sequences up to the page's end; most requests have nothing read through.
  const dir = q.order === 'desc' ? -1 : 1;
  const a = mem.devices;
  const memKey = (i: number) =>
    sortKey(q.sort, a[i]!, mem.facts?.get(a[i]!.deviceID)?.lastConnectedAt ?? undefined);
  const otherKey = (j: number) => sortKey(q.sort, other[j]!.row, other[j]!.row.lastConnectedAt);
  const picks: Array<{ mem: number } | { other: number }> = [];
  let i = 0;
  let j = 0;
  for (let at = 0; at < end; at++) {
    let fromMem: boolean;
    if (j >= other.length) fromMem = true;
    else if (i >= a.length) fromMem = false;
    else
      fromMem =
        compareKeyed(memKey(i), a[i]!.deviceID, otherKey(j), other[j]!.row.deviceID, dir) <= 0;
    if (at >= start) picks.push(fromMem ? { mem: i } : { other: j });
    if (fromMem) i++;
    else j++;
  }
  const refs = picks.map((p) =>
    'mem' in p
      ? { deviceID: a[p.mem]!.deviceID, gatewayID: a[p.mem]!.gatewayID }
      : { deviceID: other[p.other]!.row.deviceID, gatewayID: other[p.other]!.row.gatewayID },
  );
  if (!render) return { items: [], total, unavailable: collected.unavailable, refs, live };
  const memPage = picks.flatMap((p) => ('mem' in p ? [a[p.mem]!] : []));
  const facts = deps.history?.facts(memPage.map((d) => d.deviceID));
  const rendered = deps.deviceIndex ? deps.deviceIndex.rows.render(memPage, facts, names) : [];
  let r = 0;
  const items = picks.map((p) => ('mem' in p ? rendered[r++]! : other[p.other]!));
  return { items, total, unavailable: collected.unavailable, refs, live };
}

/** Served gateways at their last sent seq; read-through ones at -1 (a browser re-reads those). */
function liveCut(
  hub: string,
  served: readonly GatewayState[],
  through: readonly string[],
): LiveCut {
  const seqs: Record<string, number> = {};
  for (const gw of served) seqs[gw.gatewayID] = gw.seq;
  for (const id of through) seqs[id] = -1;
  return { hub, seqs };
}

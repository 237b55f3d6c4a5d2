// Filter and sort of the devices served from the live hub's memory (device-index.ts): one scan in a
// kept order (device ID, or IP address), a bucket pass for the sort keys with few values, and a
// keyed sort only for lastConnectedAt. No row is rendered here; the page's rows are, afterwards.
import type { DeviceListQueryParsed, LiveDevice } from '@cmc/api';
import type { GatewayState } from '../live/live-state.ts';
import type { DeviceIndex, Ordering } from './device-index.ts';
import { compareKeyed, deviceMatcher, sortKey } from './device-query.ts';
import type { DeviceFacts, DeviceFactsSource } from './device-row.ts';

export interface MemoryMatches {
  /** Matching devices in the query's order: the first `limit` of them at least. */
  devices: LiveDevice[];
  /** How many devices match in all. */
  total: number;
  /** Facts of every match, read only for a lastConnectedAt sort (its key). */
  facts?: ReadonlyMap<number, DeviceFacts>;
}

function scan(
  ordering: Ordering,
  gateways: readonly GatewayState[],
  reverse: boolean,
  keep: ((d: LiveDevice) => boolean) | null,
  limit = Infinity,
): { devices: LiveDevice[]; total: number } {
  const allowed = new Uint8Array(ordering.gateways.length);
  const wanted = new Set(gateways);
  ordering.gateways.forEach((gw, slot) => {
    if (wanted.has(gw)) allowed[slot] = 1;
  });
  const { refs, slots } = ordering;
  const out: LiveDevice[] = [];
  const n = refs.length;
  let total = 0;
  // Past the page only counted: the rows after it are never looked at.
  for (let j = 0; j < n; j++) {
    const i = reverse ? n - 1 - j : j;
    if (allowed[slots[i]!] === 0) continue;
    const d = refs[i]!;
    if (keep !== null && !keep(d)) continue;
    if (total < limit) out.push(d);
    total++;
  }
  return { devices: out, total };
}

export function queryMemory(
  index: DeviceIndex,
  gateways: readonly GatewayState[],
  q: DeviceListQueryParsed,
  names: ReadonlyMap<number, string> | undefined,
  history: DeviceFactsSource | undefined,
  /** Only this many first matches are needed (the page's end); all are still counted. */
  limit = Infinity,
): MemoryMatches {
  if (gateways.length === 0) return { devices: [], total: 0 };
  const match = deviceMatcher(q);
  const keep = match ? (d: LiveDevice) => match(d, names?.get(d.deviceID)) : null;
  const dir = q.order === 'desc' ? -1 : 1;
  if (q.sort === 'deviceID')
    return scan(index.ordering('deviceID', 'asc'), gateways, dir === -1, keep, limit);
  if (q.sort === 'IPAddr')
    return scan(index.ordering('IPAddr', q.order), gateways, false, keep, limit);
  const byID = scan(index.ordering('deviceID', 'asc'), gateways, false, keep).devices;
  if (q.sort === 'lastConnectedAt') {
    const facts = history?.facts(byID.map((d) => d.deviceID));
    const keyed = byID.map((d) => ({ k: facts?.get(d.deviceID)?.lastConnectedAt ?? '', d }));
    keyed.sort((a, b) => compareKeyed(a.k, a.d.deviceID, b.k, b.d.deviceID, dir));
    return { devices: keyed.map((x) => x.d), total: keyed.length, ...(facts ? { facts } : {}) };
  }
  // Few distinct values (gateway, type, status, mode, SSL): buckets in ID order, keys sorted.
  const buckets = new Map<string | number, LiveDevice[]>();
  for (const d of byID) {
    const k = sortKey(q.sort, d, undefined);
    let bucket = buckets.get(k);
    if (!bucket) buckets.set(k, (bucket = []));
    bucket.push(d);
  }
  const keys = [...buckets.keys()].sort((a, b) => compareKeyed(a, 0, b, 0, dir));
  const devices: LiveDevice[] = [];
  for (const k of keys) for (const d of buckets.get(k)!) devices.push(d);
  return { devices, total: devices.length };
}

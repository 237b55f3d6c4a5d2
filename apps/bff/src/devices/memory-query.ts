// Filter and sort of the devices served from the live hub's memory (device-index.ts): one scan in a
// kept order (device ID, or IP address), a bucket pass for the sort keys with few values, and a
// keyed sort only for lastConnectedAt. No row is rendered here; the page's rows are, afterwards.
import type { DeviceListQueryParsed, LiveDevice } from '@cmc/api';
import type { GatewayState } from '../live/live-state.ts';
import type { DeviceIndex, Ordering } from './device-index.ts';
import { compareKeyed, deviceMatcher, sortKey } from './device-query.ts';
import type { DeviceFacts, DeviceFactsSource } from './device-row.ts';

export interface MemoryMatches {
  /** Matching devices in the query's order. */
  devices: LiveDevice[];
  /** Facts of every match, read only for a lastConnectedAt sort (its key). */
  facts?: ReadonlyMap<number, DeviceFacts>;
}

function scan(
  ordering: Ordering,
  gateways: readonly GatewayState[],
  reverse: boolean,
  keep: (d: LiveDevice) => boolean,
): LiveDevice[] {
  const allowed = new Uint8Array(ordering.gateways.length);
  const wanted = new Set(gateways);
  ordering.gateways.forEach((gw, slot) => {
    if (wanted.has(gw)) allowed[slot] = 1;
  });
  const { ids, slots } = ordering;
  const out: LiveDevice[] = [];
  const n = ids.length;
  for (let j = 0; j < n; j++) {
    const i = reverse ? n - 1 - j : j;
    const slot = slots[i]!;
    if (allowed[slot] === 0) continue;
    const d = ordering.gateways[slot]!.devices.get(ids[i]!);
    if (d && keep(d)) out.push(d);
  }
  return out;
}

export function queryMemory(
  index: DeviceIndex,
  gateways: readonly GatewayState[],
  q: DeviceListQueryParsed,
  names: ReadonlyMap<number, string> | undefined,
  history: DeviceFactsSource | undefined,
): MemoryMatches {
  if (gateways.length === 0) return { devices: [] };
  const match = deviceMatcher(q);
  const keep = match ? (d: LiveDevice) => match(d, names?.get(d.deviceID)) : () => true;
  const dir = q.order === 'desc' ? -1 : 1;
  if (q.sort === 'deviceID')
    return { devices: scan(index.ordering('deviceID', 'asc'), gateways, dir === -1, keep) };
  if (q.sort === 'IPAddr')
    return { devices: scan(index.ordering('IPAddr', q.order), gateways, false, keep) };
  const byID = scan(index.ordering('deviceID', 'asc'), gateways, false, keep);
  if (q.sort === 'lastConnectedAt') {
    const facts = history?.facts(byID.map((d) => d.deviceID));
    const keyed = byID.map((d) => ({ k: facts?.get(d.deviceID)?.lastConnectedAt ?? '', d }));
    keyed.sort((a, b) => compareKeyed(a.k, a.d.deviceID, b.k, b.d.deviceID, dir));
    return { devices: keyed.map((x) => x.d), ...(facts ? { facts } : {}) };
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
  return { devices };
}

// The join without device rows (`auth.snapshot: 'gateways'`): the client re-reads what it shows,
// replays onto a read the changes that arrived while it was in flight, and patches only the rows a
// delta names. Against a real QueryClient with queries whose reads the test answers by hand.
import { QueryClient, QueryObserver, type QueryKey } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeltaEvent, DeviceList, DeviceRow, DeviceStatus, SnapshotEvent } from '@cmc/api';
import { queryKeys } from '../../lib/query-keys.ts';
import { createLiveCache, type LiveCache } from '../live-cache.ts';

const T0 = Date.parse('2026-11-30T10:00:00.000Z');

function row(deviceID: number, status: DeviceStatus = 'TCP_CONNECTED'): DeviceRow {
  return {
    deviceID,
    gatewayID: 'gw1',
    type: 'BIOSTATION_L2',
    IPAddr: `10.0.${Math.floor(deviceID / 250)}.${deviceID % 250}`,
    port: 51211,
    status,
    connectionMode: 'SERVER_TO_DEVICE',
    useSSL: false,
    autoReconnect: true,
  };
}

const list = (items: DeviceRow[]): DeviceList => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 1000,
  unavailableGateways: [],
});

const HUB = 'hub-1';

const lightSnapshot = (seq = 5): SnapshotEvent => ({
  hub: HUB,
  mode: 'live',
  gateways: [{ gatewayID: 'gw1', connected: true, seq, mode: 'live' }],
  devices: [],
});

const change = (deviceID: number, status: DeviceStatus, seq: number): DeltaEvent => ({
  gatewayID: 'gw1',
  seq,
  changes: [{ deviceID, gatewayID: 'gw1', status, at: T0 + seq }],
});

/** A device-list query on screen (an active observer) whose reads the test answers one by one. */
function shownList(qc: QueryClient) {
  const key: QueryKey = queryKeys.deviceList({
    sort: 'deviceID',
    order: 'asc',
    page: 1,
    pageSize: 1000,
  });
  const reads: Array<(page: DeviceList) => void> = [];
  const observer = new QueryObserver<DeviceList>(qc, {
    queryKey: key,
    queryFn: () => new Promise<DeviceList>((resolve) => reads.push(resolve)),
  });
  const unsubscribe = observer.subscribe(() => {});
  return { key, reads, unsubscribe };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

let qc: QueryClient;
let cache: LiveCache;
beforeEach(() => {
  qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  cache = createLiveCache(qc);
});
afterEach(() => {
  cache.stop();
  qc.clear();
});

describe('light join: no change lost between a page read and the join', () => {
  it('re-reads a page read before the snapshot, once', async () => {
    const shown = shownList(qc);
    await settle();
    shown.reads[0]!(list([row(1), row(2)]));
    await settle();
    qc.setQueryData(queryKeys.deviceHistory(2), { deviceID: 2, items: [], nextCursor: null });
    expect(cache.applySnapshot(lightSnapshot(), T0)).toEqual([]);
    await settle();
    expect(shown.reads).toHaveLength(2);
    // The history shown beside a device is read again too (marked stale; re-read when shown).
    expect(qc.getQueryState(queryKeys.deviceHistory(2))?.isInvalidated).toBe(true);
    // The re-read answers with what changed between the first read and the join.
    shown.reads[1]!(list([row(1), row(2, 'DISCONNECTED')]));
    await settle();
    expect(qc.getQueryData<DeviceList>(shown.key)?.items[1]?.status).toBe('DISCONNECTED');
    expect(shown.reads).toHaveLength(2);
    shown.unsubscribe();
  });

  it('re-reads a page whose read was in flight when the snapshot came, after that read lands', async () => {
    const shown = shownList(qc);
    await settle();
    cache.applySnapshot(lightSnapshot(), T0);
    await settle();
    expect(shown.reads).toHaveLength(1);
    shown.reads[0]!(list([row(1), row(2)]));
    await settle();
    // The first rows are shown at once, and read again for what changed before the join.
    expect(qc.getQueryData<DeviceList>(shown.key)?.items).toHaveLength(2);
    expect(shown.reads).toHaveLength(2);
    shown.unsubscribe();
  });

  it('replays onto a page the changes that arrived while it was being read', async () => {
    cache.applySnapshot(lightSnapshot(5), T0);
    const shown = shownList(qc);
    await settle();
    // The read was cut on the server before device 2 went down; the delta beat its answer here.
    cache.applyDeltas([change(2, 'DISCONNECTED', 6)], T0 + 6);
    shown.reads[0]!(list([row(1), row(2), row(3)]));
    await settle();
    const page = qc.getQueryData<DeviceList>(shown.key)!;
    expect(page.items.map((r) => r.status)).toEqual([
      'TCP_CONNECTED',
      'DISCONNECTED',
      'TCP_CONNECTED',
    ]);
    expect(page.items[1]?.lastDisconnectedAt).toBe(new Date(T0 + 6).toISOString());
    expect(shown.reads).toHaveLength(1);
    shown.unsubscribe();
  });

  it('re-reads a page when a device joined or left its list while it was being read', async () => {
    cache.applySnapshot(lightSnapshot(5), T0);
    const shown = shownList(qc);
    await settle();
    cache.applyDeltas([{ gatewayID: 'gw1', seq: 6, changes: [], removed: [2] }], T0 + 6);
    shown.reads[0]!(list([row(1), row(2)]));
    await settle();
    expect(shown.reads).toHaveLength(2);
    shown.unsubscribe();
  });

  it('redoes a read that was in flight longer than the changes kept for replay', async () => {
    cache.applySnapshot(lightSnapshot(5), T0);
    const shown = shownList(qc);
    await settle();
    const many = Array.from({ length: 40_001 }, (_, i) => ({
      deviceID: 10_000 + i,
      gatewayID: 'gw1',
      status: 'DISCONNECTED' as const,
      at: T0 + i,
    }));
    cache.applyDeltas([{ gatewayID: 'gw1', seq: 6, changes: many }], T0);
    shown.reads[0]!(list([row(1)]));
    await settle();
    expect(shown.reads).toHaveLength(2);
    shown.unsubscribe();
  });
});

describe('light join: a read that says where it was cut', () => {
  const cutAt = (seq: number, hub = HUB): DeviceList => ({
    ...list([row(1), row(2)]),
    live: { hub, seqs: { gw1: seq } },
  });

  it('is not read again when it was cut at the seq the snapshot shows, or later', async () => {
    const shown = shownList(qc);
    await settle();
    shown.reads[0]!(cutAt(5));
    await settle();
    cache.applySnapshot(lightSnapshot(5), T0);
    await settle();
    expect(shown.reads).toHaveLength(1);
    shown.unsubscribe();
  });

  it('is not read again when in flight at the snapshot and cut after it', async () => {
    const shown = shownList(qc);
    await settle();
    cache.applySnapshot(lightSnapshot(5), T0);
    shown.reads[0]!(cutAt(6));
    await settle();
    expect(qc.getQueryData<DeviceList>(shown.key)?.items).toHaveLength(2);
    expect(shown.reads).toHaveLength(1);
    shown.unsubscribe();
  });

  it('is read again when cut before the snapshot, by another hub, or with a gateway read through', async () => {
    for (const data of [cutAt(4), cutAt(5, 'hub-2'), cutAt(-1)]) {
      qc.clear();
      const shown = shownList(qc);
      await settle();
      shown.reads[0]!(data);
      await settle();
      cache.applySnapshot(lightSnapshot(5), T0);
      await settle();
      expect(shown.reads, JSON.stringify(data.live)).toHaveLength(2);
      shown.unsubscribe();
    }
  });

  it('is read again when in flight at the snapshot and cut before it', async () => {
    const shown = shownList(qc);
    await settle();
    cache.applySnapshot(lightSnapshot(5), T0);
    shown.reads[0]!(cutAt(3));
    await settle();
    expect(shown.reads).toHaveLength(2);
    shown.unsubscribe();
  });

  it('ignores gateways outside the read (a list of one gateway, the join of all)', async () => {
    const shown = shownList(qc);
    await settle();
    shown.reads[0]!(cutAt(5));
    await settle();
    cache.applySnapshot(
      {
        ...lightSnapshot(5),
        gateways: [
          { gatewayID: 'gw1', connected: true, seq: 5, mode: 'live' },
          { gatewayID: 'gw2', connected: true, seq: 90, mode: 'live' },
        ],
      },
      T0,
    );
    await settle();
    expect(shown.reads).toHaveLength(1);
    shown.unsubscribe();
  });
});

describe('light join: delta application', () => {
  it('reads only the cached rows a delta names, not every row of every page', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => row(i + 1));
    let reads = 0;
    const items = new Proxy(rows, {
      get(target, property, receiver) {
        if (typeof property === 'string' && /^\d+$/.test(property)) reads += 1;
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const key = queryKeys.deviceList({ sort: 'deviceID', order: 'asc', page: 1, pageSize: 1000 });
    qc.setQueryData(key, { ...list(rows), items });
    const page = qc.getQueryData<DeviceList>(key)!;
    cache.applyDeltas([change(5000, 'DISCONNECTED', 1)], T0);
    reads = 0;
    cache.applyDeltas([change(6000, 'DISCONNECTED', 2), change(7000, 'DISCONNECTED', 3)], T0);
    expect(reads).toBeLessThanOrEqual(2);
    expect(qc.getQueryData<DeviceList>(key)).toBe(page);
    reads = 0;
    cache.applyDeltas([change(500, 'DISCONNECTED', 4)], T0);
    const next = qc.getQueryData<DeviceList>(key)!;
    expect(next.items[499]?.status).toBe('DISCONNECTED');
    expect(next.items[498]).toBe(rows[498]);
  });
});

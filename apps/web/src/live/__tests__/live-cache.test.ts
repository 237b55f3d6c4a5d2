import { QueryClient, hashKey, type QueryKey } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import type {
  DeltaEvent,
  DeviceDetail,
  DeviceList,
  DeviceRow,
  DeviceStatus,
  LiveDevice,
} from '@cmc/api';
import { queryKeys } from '../../lib/query-keys.ts';
import { createLiveCache, type LiveCache } from '../live-cache.ts';

const T0 = Date.parse('2026-11-30T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

function row(
  deviceID: number,
  status: DeviceStatus = 'TCP_CONNECTED',
  gatewayID = 'gw1',
): DeviceRow {
  return {
    deviceID,
    gatewayID,
    type: 'BIOSTATION_L2',
    IPAddr: `10.0.0.${deviceID % 250}`,
    port: 51211,
    status,
    connectionMode: 'SERVER_TO_DEVICE',
    useSSL: false,
    autoReconnect: true,
  };
}

function live(
  deviceID: number,
  status: DeviceStatus = 'TCP_CONNECTED',
  gatewayID = 'gw1',
): LiveDevice {
  const { deviceID: id, ...rest } = row(deviceID, status, gatewayID);
  return { deviceID: id, ...rest };
}

const params = (over: Record<string, unknown> = {}) => ({
  sort: 'deviceID',
  order: 'asc',
  page: 1,
  pageSize: 5,
  ...over,
});

function seedPage(
  qc: QueryClient,
  p: Record<string, unknown>,
  items: DeviceRow[],
  total = items.length,
): QueryKey {
  const key = queryKeys.deviceList(p);
  const page: DeviceList = {
    items,
    total,
    page: p.page as number,
    pageSize: p.pageSize as number,
    unavailableGateways: [],
  };
  qc.setQueryData(key, page);
  return key;
}

const pageOf = (qc: QueryClient, key: QueryKey) => qc.getQueryData<DeviceList>(key)!;
const ids = (qc: QueryClient, key: QueryKey) => pageOf(qc, key).items.map((r) => r.deviceID);
const hashes = (keys: QueryKey[]) => keys.map(hashKey);

function delta(gatewayID: string, seq: number, over: Partial<DeltaEvent>): DeltaEvent {
  return { gatewayID, seq, changes: [], ...over };
}

let qc: QueryClient;
let cache: LiveCache;
beforeEach(() => {
  qc = new QueryClient();
  cache = createLiveCache(qc);
});

describe('live cache: status changes', () => {
  it('patches the row of every cached page and the cached detail, and re-reads only that detail', () => {
    const key = seedPage(qc, params(), [row(1), row(2)]);
    const detail: DeviceDetail = {
      device: row(2),
      asyncConnection: { session: null, db: null },
      acceptedByFilter: { session: false, db: false },
      slaves: { session: null, db: null },
    };
    qc.setQueryData(queryKeys.deviceDetail(2), detail);
    const untouched = pageOf(qc, key).items[0];
    const stale = cache.applyDeltas(
      [
        delta('gw1', 2, {
          changes: [{ deviceID: 2, gatewayID: 'gw1', status: 'DISCONNECTED', at: T0 }],
        }),
      ],
      T0,
    );
    expect(pageOf(qc, key).items[1]).toMatchObject({
      status: 'DISCONNECTED',
      lastDisconnectedAt: iso(T0),
    });
    expect(pageOf(qc, key).items[0]).toBe(untouched);
    expect(qc.getQueryData<DeviceDetail>(queryKeys.deviceDetail(2))?.device.status).toBe(
      'DISCONNECTED',
    );
    expect(hashes(stale)).toEqual(hashes([queryKeys.deviceDetail(2), queryKeys.deviceHistory(2)]));
  });

  it('keeps lastDisconnectedAt where the server keeps it: a failure is not a disconnection', () => {
    // The BFF's facts (history/device-facts.ts): connected → lastConnectedAt, DISCONNECTED →
    // lastDisconnectedAt, failure → lastFailure only; a repeated status changes nothing.
    const key = seedPage(qc, params(), [
      { ...row(1), lastDisconnectedAt: iso(T0 - 60_000), lastConnectedAt: iso(T0 - 30_000) },
    ]);
    const at = (n: number) => T0 + n * 1000;
    const step = (status: DeviceStatus, n: number) =>
      cache.applyDeltas(
        [delta('gw1', n + 1, { changes: [{ deviceID: 1, gatewayID: 'gw1', status, at: at(n) }] })],
        at(n),
      );
    step('TCP_CANNOT_CONNECT', 1);
    expect(pageOf(qc, key).items[0]).toEqual({
      ...row(1, 'TCP_CANNOT_CONNECT'),
      lastConnectedAt: iso(T0 - 30_000),
      lastDisconnectedAt: iso(T0 - 60_000),
      lastFailure: 'TCP_CANNOT_CONNECT',
    });
    step('TCP_CANNOT_CONNECT', 2); // repeated: no fact moves
    step('TLS_CONNECTED', 3);
    step('DISCONNECTED', 4);
    step('TLS_NOT_ALLOWED', 5);
    expect(pageOf(qc, key).items[0]).toEqual({
      ...row(1, 'TLS_NOT_ALLOWED'),
      lastConnectedAt: iso(at(3)),
      lastDisconnectedAt: iso(at(4)),
      lastFailure: 'TLS_NOT_ALLOWED',
    });
  });
});

describe('live cache: devices joining a managed list', () => {
  it('inserts a device in order; on a full page the last row moves on to the next page', () => {
    const key = seedPage(
      qc,
      params(),
      [1, 2, 4, 5, 6].map((id) => row(id)),
      12,
    );
    const stale = cache.applyDeltas([delta('gw1', 2, { added: [live(3)] })], T0);
    expect(ids(qc, key)).toEqual([1, 2, 3, 4, 5]);
    expect(pageOf(qc, key).total).toBe(13);
    expect(pageOf(qc, key).items[2]).toEqual({ ...row(3), lastConnectedAt: iso(T0) });
    expect(stale).toEqual([]);
  });

  it('appends to the last page, counts one more on a full page it sorts after, and ignores a filter it fails', () => {
    const last = seedPage(qc, params({ page: 3 }), [row(11), row(12)], 12);
    const first = seedPage(qc, params({ pageSize: 2 }), [row(1), row(2)], 12);
    const failing = seedPage(qc, params({ status: ['DISCONNECTED'] }), [row(7, 'DISCONNECTED')]);
    const stale = cache.applyDeltas([delta('gw1', 2, { added: [live(20)] })], T0);
    expect(ids(qc, last)).toEqual([11, 12, 20]);
    expect(ids(qc, first)).toEqual([1, 2]);
    expect(pageOf(qc, first).total).toBe(13);
    expect(pageOf(qc, failing)).toEqual({
      ...pageOf(qc, failing),
      items: [row(7, 'DISCONNECTED')],
      total: 1,
    });
    expect(stale).toEqual([]);
  });

  it('sorts as the server does (by name, ties by device ID, descending too)', () => {
    const key = seedPage(qc, params({ sort: 'status', order: 'desc', pageSize: 10 }), [
      row(5, 'TLS_CONNECTED'),
      row(1, 'DISCONNECTED'),
    ]);
    cache.applyDeltas(
      [delta('gw1', 2, { added: [live(3, 'TCP_NOT_ALLOWED'), live(2, 'DISCONNECTED')] })],
      T0,
    );
    expect(ids(qc, key)).toEqual([5, 3, 1, 2]);
  });

  it("re-reads a page only where the client cannot tell: an earlier page's shift, a display name, unknown facts", () => {
    const later = seedPage(
      qc,
      params({ page: 2 }),
      [6, 7, 8, 9, 10].map((id) => row(id)),
      12,
    );
    const byName = seedPage(qc, params({ q: 'lobby' }), [{ ...row(9), name: 'Lobby door' }]);
    const byTime = seedPage(qc, params({ sort: 'lastConnectedAt' }), [row(9)]);
    const byIP = seedPage(qc, params({ q: '10.0.0.3' }), []);
    const stale = cache.applyDeltas([delta('gw1', 2, { added: [live(3)] })], T0);
    expect(hashes(stale).sort()).toEqual(hashes([later, byName, byTime]).sort());
    expect(pageOf(qc, later).items.map((r) => r.deviceID)).toEqual([6, 7, 8, 9, 10]);
    expect(ids(qc, byIP)).toEqual([3]); // its IP address matches: decidable without the name
  });
  it('re-reads a cached list whose parameters it does not recognise rather than guess', () => {
    const odd = seedPage(qc, { page: 1, pageSize: 5, sort: 'name', order: 'asc' }, [row(1)]);
    expect(hashes(cache.applyDeltas([delta('gw1', 2, { added: [live(3)] })], T0))).toEqual(
      hashes([odd]),
    );
    expect(ids(qc, odd)).toEqual([1]);
  });
});

describe('live cache: devices leaving a managed list', () => {
  it('takes the row out; exact on the last page, re-read where a next row would move up', () => {
    const last = seedPage(qc, params({ page: 2 }), [row(6), row(7)], 7);
    const full = seedPage(qc, params({ pageSize: 2 }), [row(6), row(7)], 7);
    const stale = cache.applyDeltas([delta('gw1', 2, { removed: [6] })], T0);
    expect(ids(qc, last)).toEqual([7]);
    expect(pageOf(qc, last).total).toBe(6);
    expect(ids(qc, full)).toEqual([7]);
    expect(hashes(stale)).toEqual(hashes([full]));
  });

  it('counts one less on a page the device sorts after, and leaves a page of the same device ID on another gateway', () => {
    const before = seedPage(qc, params({ pageSize: 2 }), [row(1), row(2)], 3);
    const other = seedPage(qc, params({ gatewayID: 'gw2' }), [row(9, 'TCP_CONNECTED', 'gw2')]);
    const stale = cache.applyDeltas([delta('gw1', 2, { removed: [9] })], T0);
    expect(ids(qc, before)).toEqual([1, 2]);
    expect(pageOf(qc, before).total).toBe(2);
    expect(ids(qc, other)).toEqual([9]);
    expect(stale).toEqual([]);
  });

  it('gives a device that comes back its name and facts, with the disconnection the server recorded', () => {
    const key = seedPage(qc, params(), [
      { ...row(4), name: 'Lobby door', lastConnectedAt: iso(T0 - 5000) },
    ]);
    cache.applyDeltas([delta('gw1', 2, { removed: [4] })], T0);
    expect(ids(qc, key)).toEqual([]);
    cache.applyDeltas([delta('gw1', 3, { added: [live(4, 'TLS_CONNECTED')] })], T0 + 1000);
    expect(pageOf(qc, key).items).toEqual([
      {
        ...row(4, 'TLS_CONNECTED'),
        name: 'Lobby door',
        lastConnectedAt: iso(T0 + 1000),
        lastDisconnectedAt: iso(T0),
      },
    ]);
  });

  it('keeps the order of one flush: a change before a device leaves and comes back does not win', () => {
    const key = seedPage(qc, params(), [row(1)]);
    cache.applyDeltas(
      [
        delta('gw1', 2, {
          changes: [{ deviceID: 1, gatewayID: 'gw1', status: 'DISCONNECTED', at: T0 }],
        }),
        delta('gw1', 3, { removed: [1] }),
        delta('gw1', 4, { added: [live(1, 'TLS_CONNECTED')] }),
      ],
      T0 + 10,
    );
    expect(pageOf(qc, key).items[0]?.status).toBe('TLS_CONNECTED');
  });
});
// Snapshots carry no device rows (the web opts in to light snapshots): light-join.test.ts.

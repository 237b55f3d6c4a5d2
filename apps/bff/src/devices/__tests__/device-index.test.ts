// The device index alone (no master): when a gateway may be served from memory, how the console's
// own changes keep it read through until a re-read that happened after them, and that the memory
// query answers exactly what the read-through path (filterDevices + sortDevices) answers.
import { describe, expect, it, vi } from 'vitest';
import { deviceListQuery, deviceSortFields } from '@cmc/api';
import type { DeviceInfo } from '@cmc/gsdk';
import { createLogger } from '../../logger.ts';
import { DeviceIndex } from '../device-index.ts';
import { filterDevices, sortDevices } from '../device-query.ts';
import { toDeviceRow } from '../device-row.ts';
import { queryMemory } from '../memory-query.ts';

const logger = createLogger({ level: 'silent' });

function infos(gateway: number, n: number, seed: number): DeviceInfo[] {
  let x = seed;
  const rnd = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: n }, (_, i) => ({
    deviceID: 1000 + gateway + i * 10 + Math.floor(rnd() * 3) * 100_000,
    type: [12, 13, 18][Math.floor(rnd() * 3)]!,
    connectionMode: rnd() < 0.3 ? 1 : 0,
    IPAddr: `10.${Math.floor(rnd() * 3)}.0.${Math.floor(rnd() * 250)}`,
    port: 51211,
    status: [0, 1, 2, 0x100][Math.floor(rnd() * 4)]!,
    autoReconnect: rnd() < 0.5,
    useSSL: rnd() < 0.5,
  })) as unknown as DeviceInfo[];
}

function world(reload: (gatewayIDs: readonly string[]) => Promise<boolean> = async () => true) {
  const index = new DeviceIndex({ logger, resyncMs: 3_600_000 });
  const lists = new Map<string, DeviceInfo[]>();
  for (const [g, tenant] of [
    [1, 't1'],
    [2, 't1'],
    [3, 't2'],
  ] as const) {
    const id = `gw${g}`;
    const gw = index.state.ensureGateway(id, tenant);
    gw.connected = true;
    lists.set(id, infos(g, 60, g * 7));
  }
  index.attach({ reloadDevices: reload });
  return { index, lists };
}

describe('device index', () => {
  it('serves a gateway only once read, live, connected and followed by a hub', () => {
    const { index, lists } = world();
    expect(index.servable('gw1')).toBeUndefined(); // never read
    index.state.applyDeviceList('gw1', lists.get('gw1')!, 0);
    expect(index.servable('gw1')?.gatewayID).toBe('gw1');
    index.state.gateways.get('gw1')!.degradedBy.add('device-stream:t1');
    expect(index.servable('gw1')).toBeUndefined();
    index.state.gateways.get('gw1')!.degradedBy.clear();
    index.state.gateways.get('gw1')!.connected = false;
    expect(index.servable('gw1')).toBeUndefined();
    index.state.gateways.get('gw1')!.connected = true;
    expect(index.servable('unknown')).toBeUndefined();
    index.stop();
    expect(index.servable('gw1')).toBeUndefined();
  });

  it('keeps a changed gateway read through until a re-read after the change has happened', async () => {
    let read = true;
    const asked: string[] = [];
    const { index, lists } = world(async (gatewayIDs) => {
      asked.push(...gatewayIDs);
      if (read) for (const id of gatewayIDs) index.state.applyDeviceList(id, lists.get(id)!, 1);
      return read;
    });
    index.state.applyDeviceList('gw1', lists.get('gw1')!, 0);
    const ended = index.changing(['gw1']);
    expect(index.servable('gw1')).toBeUndefined();
    // A re-read while the change still runs does not count.
    await index.resync();
    expect(index.isStale('gw1')).toBe(true);
    read = false; // the re-read after the change fails: still read through
    ended();
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toContain('gw1');
    expect(index.isStale('gw1')).toBe(true);
    read = true; // the next (background) re-read clears it
    await index.resync();
    expect(index.isStale('gw1')).toBe(false);
    expect(index.servable('gw1')?.gatewayID).toBe('gw1');
    index.stop();
  });

  it('re-reads in the background one gateway at a time, each gateway once per resyncMs', () => {
    vi.useFakeTimers();
    try {
      const asked: string[] = [];
      const index = new DeviceIndex({ logger, resyncMs: 900 });
      for (const [id, tenant] of [
        ['gw1', 't1'],
        ['gw2', 't1'],
        ['gw3', 't2'],
      ] as const)
        index.state.ensureGateway(id, tenant).connected = true;
      index.attach({
        reloadDevices: async (gatewayIDs) => {
          asked.push(`${Date.now()}:${gatewayIDs.join(',')}`);
          return true;
        },
      });
      const start = Date.now();
      vi.advanceTimersByTime(899);
      expect(asked).toEqual([]);
      // The first turn after a full interval, then one every 900 / 3 ms.
      vi.advanceTimersByTime(1 + 300 + 300 + 300);
      expect(asked).toEqual([
        `${start + 900}:gw1`,
        `${start + 1200}:gw2`,
        `${start + 1500}:gw3`,
        `${start + 1800}:gw1`,
      ]);
      index.stop();
      vi.advanceTimersByTime(5_000);
      expect(asked).toHaveLength(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers every filter and sort exactly as the read-through path does', () => {
    const { index, lists } = world();
    for (const [id, list] of lists) index.state.applyDeviceList(id, list, 0);
    const gateways = ['gw1', 'gw3'].map((id) => index.servable(id)!);
    const rows = ['gw1', 'gw3'].flatMap((id) => lists.get(id)!.map((d) => toDeviceRow(d, id)));
    const queries = [
      {},
      { status: 'TCP_CONNECTED,DISCONNECTED' },
      { mode: 'DEVICE_TO_SERVER', ssl: 'true' },
      { q: '10.1.' },
      { type: 'BIOSTATION_L2' },
    ];
    for (const filter of queries)
      for (const sort of deviceSortFields)
        for (const order of ['asc', 'desc'] as const) {
          const q = deviceListQuery.parse({ ...filter, sort, order, pageSize: '10000' });
          const want = sortDevices(
            filterDevices(rows, q, (r) => r),
            q.sort,
            q.order,
            (r) => r,
          ).map((r) => r.deviceID);
          const got = queryMemory(index, gateways, q, undefined, undefined);
          expect(
            got.devices.map((d) => d.deviceID),
            `${JSON.stringify(filter)} ${sort} ${order}`,
          ).toEqual(want);
          expect(got.total).toBe(want.length);
          const first = queryMemory(index, gateways, q, undefined, undefined, 5);
          expect(first.total).toBe(want.length);
          expect(first.devices.slice(0, 5).map((d) => d.deviceID)).toEqual(want.slice(0, 5));
        }
    index.stop();
  });
});

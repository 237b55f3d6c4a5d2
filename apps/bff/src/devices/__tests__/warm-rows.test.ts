// The rows of the first Devices page load are built before anyone asks: the same rows (and bytes) a
// request then renders, in the default order, at most the row cache's size.
import { describe, expect, it } from 'vitest';
import type { LiveDevice } from '@cmc/api';
import type { DeviceInfo } from '@cmc/gsdk';
import { createLogger } from '../../logger.ts';
import { DeviceIndex } from '../device-index.ts';
import { warmDeviceRows } from '../warm-rows.ts';

const logger = createLogger({ level: 'silent' });

function list(first: number, n: number): DeviceInfo[] {
  return Array.from({ length: n }, (_, i) => ({
    deviceID: first + i,
    type: 12,
    connectionMode: 0,
    IPAddr: `10.0.${Math.floor(i / 250)}.${i % 250}`,
    port: 51211,
    status: i % 3 === 0 ? 0 : 1,
    autoReconnect: true,
    useSSL: false,
  })) as unknown as DeviceInfo[];
}

function indexOf(gateways: Array<[string, DeviceInfo[]]>): DeviceIndex {
  const index = new DeviceIndex({ logger, resyncMs: 3_600_000 });
  for (const [id, infos] of gateways) {
    index.state.ensureGateway(id, 't1').connected = true;
    index.state.applyDeviceList(id, infos, 0);
  }
  return index;
}

/** Whether the cache holds a row for each device: renders that keep nothing return the same objects. */
function allCached(
  index: DeviceIndex,
  devices: LiveDevice[],
  names?: Map<number, string>,
): boolean {
  const a = index.rows.render(devices, undefined, names, false);
  const b = index.rows.render(devices, undefined, names, false);
  return a.every((r, i) => r === b[i]);
}

describe('warmDeviceRows', () => {
  it('builds the rows a first request renders, named, before any request', () => {
    const index = indexOf([
      ['gw2', list(2000, 30)],
      ['gw1', list(1000, 20)],
    ]);
    const names = new Map([[1005, 'Front door']]);
    warmDeviceRows({
      deviceIndex: index,
      history: undefined,
      labels: { names: () => names } as never,
    });
    expect(index.rows.size).toBe(50);
    const devices = index.ordering('deviceID', 'asc').refs;
    expect(allCached(index, devices, names)).toBe(true);
    const rows = index.rows.render(devices, undefined, names, false);
    expect(rows[5]?.row).toMatchObject({ deviceID: 1005, name: 'Front door' });
    expect(JSON.parse(rows[0]!.bytes.toString())).toEqual(rows[0]!.row);
  });

  it('keeps no more than the row cache holds, the first devices in device ID order', () => {
    const index = indexOf([
      ['gw1', list(50_000, 6_000)],
      ['gw2', list(1, 6_000)],
    ]);
    warmDeviceRows({ deviceIndex: index, history: undefined, labels: undefined });
    expect(index.rows.size).toBe(10_000);
    const ordered = index.ordering('deviceID', 'asc').refs;
    expect(allCached(index, ordered.slice(0, 10_000))).toBe(true);
    expect(allCached(index, ordered.slice(10_000, 10_001))).toBe(false);
  });

  it('does nothing without a device index', () => {
    expect(() =>
      warmDeviceRows({ deviceIndex: undefined, history: undefined, labels: undefined }),
    ).not.toThrow();
  });
});

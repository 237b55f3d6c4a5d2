import { describe, expect, it } from 'vitest';
import { deviceListQuery, type DeviceRow } from '@cmc/api';
import { filterDevices, pageOf, sortDevices } from '../device-query.ts';
import { describeFailures, multiResults } from '../multi-results.ts';

function row(deviceID: number, over: Partial<DeviceRow> = {}): DeviceRow {
  return {
    deviceID,
    gatewayID: 'gw1',
    type: 'BIOSTATION_L2',
    IPAddr: `10.0.0.${deviceID % 256}`,
    port: 51211,
    status: 'TCP_CONNECTED',
    connectionMode: 'SERVER_TO_DEVICE',
    useSSL: false,
    autoReconnect: true,
    ...over,
  };
}

const rows = [
  row(3, { status: 'DISCONNECTED', IPAddr: '10.0.0.100' }),
  row(1, { useSSL: true, status: 'TLS_CONNECTED', IPAddr: '10.0.0.9' }),
  row(2, {
    type: 'XSTATION_2',
    connectionMode: 'DEVICE_TO_SERVER',
    gatewayID: 'gw2',
    IPAddr: '10.0.0.20',
  }),
];

describe('device list query', () => {
  it('filters by status list, mode, ssl, type and text', () => {
    const q = (input: Record<string, string>) =>
      filterDevices(rows, deviceListQuery.parse(input), (r) => r).map((r) => r.deviceID);
    expect(q({ status: 'TCP_CONNECTED,TLS_CONNECTED' })).toEqual([1, 2]);
    expect(q({ mode: 'DEVICE_TO_SERVER' })).toEqual([2]);
    expect(q({ ssl: 'true' })).toEqual([1]);
    expect(q({ type: 'XSTATION_2' })).toEqual([2]);
    expect(q({ q: 'x-station' })).toEqual([2]);
    // The display name an administrator gave a device, case-insensitive.
    const named = [...rows, row(4, { name: 'Loading Dock East' })];
    expect(
      filterDevices(named, deviceListQuery.parse({ q: 'dock east' }), (r) => r).map(
        (r) => r.deviceID,
      ),
    ).toEqual([4]);
    expect(q({ q: '10.0.0.100' })).toEqual([3]);
    expect(q({ q: 'GW2' })).toEqual([2]);
  });
  it('sorts IP addresses numerically and breaks ties by device ID', () => {
    expect(sortDevices(rows, 'IPAddr', 'asc', (r) => r).map((r) => r.deviceID)).toEqual([1, 2, 3]);
    expect(sortDevices(rows, 'IPAddr', 'desc', (r) => r).map((r) => r.deviceID)).toEqual([3, 2, 1]);
    expect(sortDevices(rows, 'gatewayID', 'asc', (r) => r).map((r) => r.deviceID)).toEqual([
      1, 3, 2,
    ]);
  });
  it('sorts by device ID both ways without reordering its input', () => {
    const before = rows.map((r) => r.deviceID);
    expect(sortDevices(rows, 'deviceID', 'asc', (r) => r).map((r) => r.deviceID)).toEqual([
      1, 2, 3,
    ]);
    expect(sortDevices(rows, 'deviceID', 'desc', (r) => r).map((r) => r.deviceID)).toEqual([
      3, 2, 1,
    ]);
    expect(rows.map((r) => r.deviceID)).toEqual(before);
  });
  it('sorts thousands of device IDs, the extremes of uint32 included, as a comparator sort would', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 ** 32;
    const ids = [0, 2 ** 32 - 1, ...Array.from({ length: 5000 }, () => Math.floor(random()))];
    const many = [...new Set(ids)].map((id) => row(id));
    const expected = many.map((r) => r.deviceID).sort((a, b) => a - b);
    expect(sortDevices(many, 'deviceID', 'asc', (r) => r).map((r) => r.deviceID)).toEqual(expected);
    expect(sortDevices(many, 'deviceID', 'desc', (r) => r).map((r) => r.deviceID)).toEqual(
      [...expected].reverse(),
    );
    // Not a uint32 (cannot come from the wire): still sorted, by the comparator.
    const odd = [row(3), row(1.5), row(2)];
    expect(sortDevices(odd, 'deviceID', 'asc', (r) => r).map((r) => r.deviceID)).toEqual([
      1.5, 2, 3,
    ]);
    expect(sortDevices([], 'deviceID', 'asc', (r) => r)).toEqual([]);
  });
  it('pages', () => {
    const many = Array.from({ length: 25 }, (_, i) => i + 1);
    expect(pageOf(many, 3, 10)).toEqual([21, 22, 23, 24, 25]);
    expect(pageOf(many, 4, 10)).toEqual([]);
  });
});

describe('multiResults', () => {
  it('answers one entry per device and keeps every failure', () => {
    const result = multiResults(
      [1, 2, 3],
      [
        { deviceID: 2, code: 7, msg: 'not connected' },
        { deviceID: 9, code: 1, msg: '' },
      ],
    );
    expect(result.results).toEqual([
      { deviceID: 1, ok: true },
      { deviceID: 2, ok: false, code: 7, message: 'not connected' },
      { deviceID: 3, ok: true },
      { deviceID: 9, ok: false, code: 1, message: 'error code 1' },
    ]);
    expect(result).toMatchObject({ succeeded: 2, failed: 2 });
    expect(describeFailures(result)).toBe(
      '2 of 4 devices failed: 2: not connected; 9: error code 1',
    );
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchedDevice } from '@cmc/api';

// The two API calls are this module's edges: replaced so the test sees what is asked of the BFF.
const calls: Array<{ fn: string; args: unknown[] }> = [];
const failing = new Set<string>();
vi.mock('../../../features/connect/api/connect-device.ts', () => ({
  connectDevice: async (...args: unknown[]) => {
    calls.push({ fn: 'connect', args });
    const ip = (args[1] as { IPAddr: string }).IPAddr;
    if (failing.has(ip)) throw new Error(`Could not connect to ${ip}: the device did not answer`);
    return { deviceID: 1 };
  },
}));
vi.mock('../../../features/async-connections/api/add-async-connections.ts', () => ({
  addAsyncConnections: async (...args: unknown[]) => {
    calls.push({ fn: 'async', args });
    return { ok: true };
  },
}));

const { bulkAdd } = await import('../bulk-add-from-search.ts');

const device = (deviceID: number, ip: string): SearchedDevice =>
  ({
    deviceID,
    IPAddr: ip,
    port: 51211,
    useSSL: deviceID % 2 === 0,
    type: 'BIOSTATION_L2',
    useDHCP: false,
    connectionMode: 'SERVER_TO_DEVICE',
    managed: false,
  }) as SearchedDevice;

describe('bulkAdd', () => {
  beforeEach(() => {
    calls.length = 0;
    failing.clear();
  });

  it('connects each device by its own call and reports each result, failures by name', async () => {
    failing.add('10.0.0.2');
    const results = new Map<number, unknown>();
    const devices = [1, 2, 3, 4].map((i) => device(i, `10.0.0.${i}`));
    const summary = await bulkAdd('gw1', devices, 'connect', (id, r) => results.set(id, r));
    expect(calls.filter((c) => c.fn === 'connect')).toHaveLength(4);
    expect(calls[0]!.args).toEqual(['gw1', { IPAddr: '10.0.0.1', port: 51211, useSSL: false }]);
    expect(results.get(2)).toEqual({
      ok: false,
      error: 'Could not connect to 10.0.0.2: the device did not answer',
    });
    expect(results.get(4)).toEqual({ ok: true });
    expect(summary).toBe('3 of 4 connected, 1 failed');
  });

  it('registers async connections one device per call, in the chosen store', async () => {
    const summary = await bulkAdd(
      'gw2',
      [device(7, '10.0.0.7'), device(8, '10.0.0.8')],
      'async-db',
      () => undefined,
    );
    expect(calls.map((c) => c.args)).toEqual([
      ['gw2', 'db', [{ deviceID: 7, IPAddr: '10.0.0.7', port: 51211, useSSL: false }]],
      ['gw2', 'db', [{ deviceID: 8, IPAddr: '10.0.0.8', port: 51211, useSSL: true }]],
    ]);
    expect(summary).toBe('2 of 2 registered (saved)');
  });
});

// Unit test of collectRows (the device lists read through the master) with a scripted master.
import { describe, expect, it } from 'vitest';
import type { DeviceInfo } from '@cmc/gsdk';
import { GatewayMemory } from '../../gateways/gateway-memory.ts';
import type { MasterPool } from '../../master/master-pool.ts';
import { collectRows } from '../device-service.ts';
import { DeviceRowCache } from '../device-row-cache.ts';
import { info } from './device-info-fixture.ts';

const admin = { id: 1, username: 'admin', role: 'admin' as const, tenantID: null };

describe('collectRows', () => {
  it('remembers a list it read, so the gateway leaving before the hub has read it keeps those devices listed', async () => {
    let answer: () => Promise<{ deviceInfos: DeviceInfo[] }> = async () => ({
      deviceInfos: [info(7), info(8)],
    });
    const pool = {
      tenantOfGateway: async () => 'tenant1',
      forTenant: () => ({ connectMaster: { getDeviceList: () => answer() } }),
    } as unknown as MasterPool;
    const memory = new GatewayMemory();
    const options = { history: undefined, cache: new DeviceRowCache(), memory };

    const read = await collectRows(pool, admin, ['gw1'], options);
    expect(read.rows.map((r) => r.row.deviceID)).toEqual([7, 8]);
    // It leaves; the hub's state has none of its devices yet (its first list read is still due).
    memory.wentOffline('gw1', 'tenant1', [], Date.now());
    answer = () => Promise.reject(new Error('gateway gw1 is not connected'));

    const after = await collectRows(pool, admin, ['gw1'], options);
    expect(after.rows.map((r) => [r.row.deviceID, r.row.gatewayOffline])).toEqual([
      [7, true],
      [8, true],
    ]);
    expect(after.unavailable).toEqual([
      { gatewayID: 'gw1', error: expect.stringMatching(/gateway gw1 is offline/) },
    ]);
  });
});

// Unit test of read sharing over a fake pool whose master calls answer only when the test says so.
import { describe, expect, it } from 'vitest';
import type { GsdkClient } from '@cmc/gsdk';
import { ADMIN_TENANT, type MasterPool } from '../master-pool.ts';
import { sharedReads } from '../shared-reads.ts';

interface Call {
  tenantID: string;
  rpc: string;
  request: unknown;
  options: unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** A pool whose every call waits in `calls` until resolved; each tenant has its own client. */
function fakePool() {
  const calls: Call[] = [];
  let invalidated = 0;
  const clients = new Map<string, GsdkClient>();
  const method =
    (tenantID: string, rpc: string) =>
    (request: unknown, options?: unknown): Promise<unknown> =>
      new Promise((resolve, reject) =>
        calls.push({ tenantID, rpc, request, options, resolve, reject }),
      );
  const forTenant = (tenantID: string): GsdkClient => {
    let client = clients.get(tenantID);
    if (!client) {
      client = {
        connectMaster: {
          getDeviceList: method(tenantID, 'GetDeviceList'),
          getAcceptFilter: method(tenantID, 'GetAcceptFilter'),
          disconnect: method(tenantID, 'Disconnect'),
        },
        gateway: { getList: method(tenantID, 'Gateway.GetList') },
        tenant: {},
      } as unknown as GsdkClient;
      clients.set(tenantID, client);
    }
    return client;
  };
  const pool = {
    forTenant,
    admin: () => forTenant(ADMIN_TENANT),
    invalidate: () => {
      invalidated += 1;
    },
  } as unknown as MasterPool;
  return { pool, calls, invalidated: () => invalidated };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('sharedReads', () => {
  it('gives concurrent reads of one gateway under one tenant one master call', async () => {
    const { pool, calls } = fakePool();
    const joined: string[] = [];
    const shared = sharedReads(pool, (rpc) => joined.push(rpc));
    const a = shared.forTenant('tenant1').connectMaster.getDeviceList({ gatewayID: 'gw1' });
    const b = shared.forTenant('tenant1').connectMaster.getDeviceList({ gatewayID: 'gw1' });
    expect(calls).toHaveLength(1);
    expect(shared.inFlight).toBe(1);
    expect(joined).toEqual(['ConnectMaster.GetDeviceList']);
    const answer = { deviceInfos: [{ deviceID: 1 }] };
    calls[0]!.resolve(answer);
    expect(await a).toBe(answer);
    expect(await b).toBe(answer);
    expect(shared.inFlight).toBe(0);
  });

  it("never answers one tenant's read with another's, even for the same gateway ID", async () => {
    const { pool, calls } = fakePool();
    const shared = sharedReads(pool);
    const one = shared.forTenant('tenant1').connectMaster.getDeviceList({ gatewayID: 'gw1' });
    const two = shared.forTenant('tenant2').connectMaster.getDeviceList({ gatewayID: 'gw1' });
    const admin = shared.admin().connectMaster.getDeviceList({ gatewayID: 'gw1' });
    expect(calls.map((c) => c.tenantID)).toEqual(['tenant1', 'tenant2', ADMIN_TENANT]);
    calls[0]!.resolve({ deviceInfos: [{ deviceID: 1 }] });
    calls[1]!.resolve({ deviceInfos: [{ deviceID: 2 }] });
    calls[2]!.resolve({ deviceInfos: [] });
    expect(await one).toEqual({ deviceInfos: [{ deviceID: 1 }] });
    expect(await two).toEqual({ deviceInfos: [{ deviceID: 2 }] });
    expect(await admin).toEqual({ deviceInfos: [] });
  });

  it('keeps reads of different gateways apart', () => {
    const { pool, calls } = fakePool();
    const client = sharedReads(pool).forTenant('tenant1');
    void client.connectMaster.getDeviceList({ gatewayID: 'gw1' });
    void client.connectMaster.getDeviceList({ gatewayID: 'gw2' });
    expect(calls.map((c) => c.request)).toEqual([{ gatewayID: 'gw1' }, { gatewayID: 'gw2' }]);
  });

  it('hands out no answer once given: the next read calls the master again', async () => {
    const { pool, calls } = fakePool();
    const client = sharedReads(pool).forTenant('tenant1');
    const first = client.connectMaster.getDeviceList({ gatewayID: 'gw1' });
    calls[0]!.resolve({ deviceInfos: [] });
    await first;
    await tick();
    const second = client.connectMaster.getDeviceList({ gatewayID: 'gw1' });
    expect(calls).toHaveLength(2);
    calls[1]!.resolve({ deviceInfos: [{ deviceID: 9 }] });
    expect(await second).toEqual({ deviceInfos: [{ deviceID: 9 }] });
  });

  it('shares a failure with the reads that joined it, and then forgets it', async () => {
    const { pool, calls } = fakePool();
    const client = sharedReads(pool).forTenant('tenant1');
    const a = client.connectMaster.getDeviceList({ gatewayID: 'gw1' });
    const b = client.connectMaster.getDeviceList({ gatewayID: 'gw1' });
    calls[0]!.reject(new Error('UNAVAILABLE'));
    await expect(a).rejects.toThrow('UNAVAILABLE');
    await expect(b).rejects.toThrow('UNAVAILABLE');
    await tick();
    void client.connectMaster.getDeviceList({ gatewayID: 'gw1' });
    expect(calls).toHaveLength(2);
  });

  it('never lets a read asked for during or after a change join a read from before it', async () => {
    const { pool, calls } = fakePool();
    const client = sharedReads(pool).forTenant('tenant1');
    const before = client.connectMaster.getDeviceList({ gatewayID: 'gw1' });
    const change = client.connectMaster.disconnect({ deviceIDs: [1] });
    const during = client.connectMaster.getDeviceList({ gatewayID: 'gw1' });
    expect(calls.map((c) => c.rpc)).toEqual(['GetDeviceList', 'Disconnect', 'GetDeviceList']);
    calls[1]!.resolve({});
    await change;
    const after = client.connectMaster.getDeviceList({ gatewayID: 'gw1' });
    expect(calls.map((c) => c.rpc)).toEqual([
      'GetDeviceList',
      'Disconnect',
      'GetDeviceList',
      'GetDeviceList',
    ]);
    for (const [i, c] of calls.entries())
      if (i !== 1) c.resolve({ deviceInfos: [{ deviceID: i }] });
    expect(await before).toEqual({ deviceInfos: [{ deviceID: 0 }] });
    expect(await during).toEqual({ deviceInfos: [{ deviceID: 2 }] });
    expect(await after).toEqual({ deviceInfos: [{ deviceID: 3 }] });
  });

  it('starts a new generation on invalidate (gateways moved between tenants)', () => {
    const { pool, calls, invalidated } = fakePool();
    const shared = sharedReads(pool);
    void shared.forTenant('tenant1').connectMaster.getDeviceList({ gatewayID: 'gw1' });
    shared.invalidate();
    expect(invalidated()).toBe(1);
    void shared.forTenant('tenant1').connectMaster.getDeviceList({ gatewayID: 'gw1' });
    expect(calls).toHaveLength(2);
  });

  it('shares the gateway list, but not calls with their own options nor other reads', () => {
    const { pool, calls } = fakePool();
    const shared = sharedReads(pool);
    void shared.admin().gateway.getList({});
    void shared.admin().gateway.getList({});
    expect(calls).toHaveLength(1);
    const client = shared.forTenant('tenant1');
    void client.connectMaster.getDeviceList({ gatewayID: 'gw1' }, { deadlineMs: 100 });
    void client.connectMaster.getDeviceList({ gatewayID: 'gw1' }, { deadlineMs: 100 });
    void client.connectMaster.getAcceptFilter({ gatewayID: 'gw1' });
    void client.connectMaster.getAcceptFilter({ gatewayID: 'gw1' });
    expect(calls).toHaveLength(5);
    expect(calls[1]!.options).toEqual({ deadlineMs: 100 });
  });
});

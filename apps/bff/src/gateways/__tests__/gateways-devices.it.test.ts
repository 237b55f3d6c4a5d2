// Gateways and managed devices as admin and as a tenant viewer, compared with the simulator's true state.
import { describe, expect, it } from 'vitest';
import { deviceList, deviceDetail, gatewayList } from '@cmc/api';
import { useSignedInHarness } from '../../__tests__/harness.ts';
import { eventually } from '../../live/__tests__/live-world.ts';

const world = useSignedInHarness();

describe('GET /gateways', () => {
  it('shows every gateway to an admin with connected state and counts matching the simulator', async () => {
    const res = await world.admin.get('/gateways');
    expect(res.status).toBe(200);
    const body = gatewayList.parse(res.body);
    const truth = world.h.sim.control.state();
    expect(body.gateways.map((g) => g.gatewayID)).toEqual(
      truth.gateways.map((g) => g.gatewayID).sort(),
    );
    for (const g of body.gateways) {
      const managed = truth.devices.filter((d) => d.gatewayID === g.gatewayID && d.managed);
      const total = Object.values(g.statusCounts ?? {}).reduce((a, b) => a + b, 0);
      expect(total).toBe(managed.length);
      expect(g.connected).toBe(true);
    }
    expect(body.gateways.find((g) => g.gatewayID === 'gateway3')?.tenantID).toBe('tenant2');
  });

  it("shows a tenant viewer only its tenant's gateways", async () => {
    const res = await world.viewer.get('/gateways');
    expect(res.status).toBe(200);
    expect(res.body.gateways.map((g: { gatewayID: string }) => g.gatewayID)).toEqual([
      'gateway1',
      'gateway2',
    ]);
  });

  it("answers 403 for another tenant's gateway, 404 for an unknown one, 400 for a bad ID", async () => {
    expect((await world.viewer.get('/gateways/gateway3')).status).toBe(403);
    expect((await world.viewer.get('/gateways/gateway1')).status).toBe(200);
    const unknown = await world.admin.get('/gateways/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toMatch(/nope/);
    const bad = await world.admin.get('/gateways/bad%20id');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('params.gatewayID');
  });
});

describe('GET /devices', () => {
  it('lists every managed device, paged, matching the simulator', async () => {
    const truth = world.h.sim.control.state().devices.filter((d) => d.managed);
    const res = await world.admin.get('/devices?pageSize=10&page=2');
    expect(res.status).toBe(200);
    const body = deviceList.parse(res.body);
    expect(body.total).toBe(truth.length);
    expect(body.items).toHaveLength(10);
    const ids = truth.map((d) => d.deviceID).sort((a, b) => a - b);
    expect(body.items.map((d) => d.deviceID)).toEqual(ids.slice(10, 20));
  });

  it('filters by status, mode, ssl, type and text and sorts on the server', async () => {
    const truth = world.h.sim.control.state().devices.filter((d) => d.managed);
    const ssl = await world.admin.get('/devices?ssl=true&pageSize=1000');
    expect(ssl.body.items.map((d: { deviceID: number }) => d.deviceID).sort()).toEqual(
      truth
        .filter((d) => d.useSSL)
        .map((d) => d.deviceID)
        .sort(),
    );
    const d2s = await world.admin.get('/devices?mode=DEVICE_TO_SERVER&pageSize=1000');
    expect(d2s.body.total).toBe(truth.filter((d) => d.connectionMode === 1).length);
    const text = await world.admin.get('/devices?q=192.168.30.');
    expect(new Set(text.body.items.map((d: { gatewayID: string }) => d.gatewayID))).toEqual(
      new Set(['gateway3']),
    );
    const type = await world.admin.get('/devices?type=BIOSTATION_L2');
    expect(type.body.items.length).toBeGreaterThan(0);
    expect(type.body.items.every((d: { type: string }) => d.type === 'BIOSTATION_L2')).toBe(true);
    const failing = await world.admin.get('/devices?status=TCP_CANNOT_CONNECT');
    expect(failing.body.items.map((d: { deviceID: number }) => d.deviceID)).toContain(544114241);
    const sorted = await world.admin.get('/devices?sort=IPAddr&order=desc&pageSize=3');
    const lastOctet = (ip: string) => Number(ip.split('.')[3]);
    const byIP = [...truth].sort(
      (a, b) =>
        b.IPAddr.split('.').map(Number)[2]! - a.IPAddr.split('.').map(Number)[2]! ||
        lastOctet(b.IPAddr) - lastOctet(a.IPAddr),
    );
    expect(sorted.body.items.map((d: { IPAddr: string }) => d.IPAddr)).toEqual(
      byIP.slice(0, 3).map((d) => d.IPAddr),
    );
  });

  it('rejects a bad query with the field path', async () => {
    const res = await world.admin.get('/devices?status=CONNECTED&pageSize=0');
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toContain('query.status.0');
    expect(paths).toContain('query.pageSize');
  });

  it("limits a tenant viewer to its tenant's devices", async () => {
    const res = await world.viewer.get('/devices?pageSize=1000');
    expect(new Set(res.body.items.map((d: { gatewayID: string }) => d.gatewayID))).toEqual(
      new Set(['gateway1', 'gateway2']),
    );
    expect((await world.viewer.get('/devices?gatewayID=gateway3')).status).toBe(403);
    expect((await world.viewer.get('/devices/939000101')).status).toBe(404);
  });

  it('shows one device with its async registration, accept-filter state and slaves', async () => {
    const res = await world.admin.get('/devices/540092581');
    expect(res.status).toBe(200);
    const body = deviceDetail.parse(res.body);
    expect(body.device).toMatchObject({
      deviceID: 540092581,
      gatewayID: 'gateway2',
      type: 'CORESTATION_40',
      autoReconnect: false,
    });
    expect(body.slaves.db?.rs485SlaveDeviceIDs).toEqual([846, 847]);
    const asyncDb = deviceDetail.parse((await world.admin.get('/devices/544114233')).body);
    expect(asyncDb.asyncConnection.db).toMatchObject({
      deviceID: 544114233,
      IPAddr: '192.168.10.13',
    });
    const d2s = deviceDetail.parse((await world.admin.get('/devices/544114239')).body);
    expect(d2s.acceptedByFilter).toEqual({ session: true, db: true });
    expect((await world.admin.get('/devices/12345')).status).toBe(404);
    expect((await world.admin.get('/devices/0')).status).toBe(400);
  });
});

// Last: taking a gateway offline drops its session settings in the simulator.
describe('offline gateway', () => {
  it('reports an offline gateway without failing the list', async () => {
    await fetch(`${world.h.sim.controlUrl}/gateways/gateway2/offline`, { method: 'POST' });
    try {
      // Once the live hub has seen it leave, its devices are listed as last seen (gateway-offline.it.test.ts).
      await eventually(async () => {
        const res = await world.admin.get('/gateways');
        const g2 = res.body.gateways.find((g: { gatewayID: string }) => g.gatewayID === 'gateway2');
        expect(g2).toMatchObject({ connected: false, statusCounts: null });
        expect(g2.error).toMatch(/gateway offline/);
      });
      const devices = await world.admin.get('/devices?pageSize=1000');
      expect(devices.status).toBe(200);
      expect(devices.body.unavailableGateways).toEqual([
        { gatewayID: 'gateway2', error: expect.stringMatching(/gateway2 is offline/) },
      ]);
      const one = await world.admin.get('/devices?gatewayID=gateway2');
      expect(one.status).toBe(200);
      expect(one.body.items.length).toBeGreaterThan(0);
      expect(one.body.items.every((d: { gatewayOffline?: boolean }) => d.gatewayOffline)).toBe(
        true,
      );
    } finally {
      await fetch(`${world.h.sim.controlUrl}/gateways/gateway2/online`, { method: 'POST' });
    }
  });
});

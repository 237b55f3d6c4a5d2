// Search, connect, async connections, accept filter, pending list and device commands against the
// real simulator; every mutation checked against the simulator's true state and the audit log.
import { describe, expect, it } from 'vitest';
import { multiResponse } from '@cmc/api';
import { useSignedInHarness } from '../../__tests__/harness.ts';

const world = useSignedInHarness();

const device = (id: number) => world.h.sim.control.state().devices.find((d) => d.deviceID === id)!;

async function until(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('search and sync connect', () => {
  it('searches the gateway subnet and marks managed devices', async () => {
    const res = await world.admin.post('/gateways/gateway1/search', { timeoutMs: 500 });
    expect(res.status).toBe(200);
    const byID = new Map(res.body.devices.map((d: { deviceID: number }) => [d.deviceID, d]));
    expect(byID.get(544114238)).toMatchObject({
      IPAddr: '192.168.10.18',
      managed: false,
      type: 'XPASS2',
    });
    expect(byID.get(544114231)).toMatchObject({ managed: true });
    expect(byID.get(544114237)).toMatchObject({ useDHCP: true });
  });

  it('validates the search timeout and is admin-only', async () => {
    const bad = await world.admin.post('/gateways/gateway1/search', { timeoutMs: 10 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('body.timeoutMs');
    expect((await world.viewer.post('/gateways/gateway1/search', { timeoutMs: 500 })).status).toBe(
      403,
    );
  });

  it('connects a device synchronously', async () => {
    const res = await world.admin.post('/gateways/gateway1/connect', {
      IPAddr: '192.168.10.18',
      port: 51211,
      useSSL: false,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ deviceID: 544114238 });
    expect(device(544114238)).toMatchObject({ managed: true, kind: 'sync', autoReconnect: false });
  });

  it('rejects bad addresses with the field path and maps master failures', async () => {
    const bad = await world.admin.post('/gateways/gateway1/connect', {
      IPAddr: '192.168.10.300',
      port: 0,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'body.IPAddr',
      'body.port',
    ]);
    const nobody = await world.admin.post('/gateways/gateway1/connect', {
      IPAddr: '192.168.10.250',
      port: 51211,
    });
    expect(nobody.status).toBe(503);
    expect(nobody.body.detail).toMatch(/^The device did not answer: .*192\.168\.10\.250/);
  });
});

describe('async connections', () => {
  const info = { deviceID: 544114242, IPAddr: '192.168.10.22', port: 51211, useSSL: false };

  it('adds, lists and deletes session registrations', async () => {
    expect(
      (
        await world.admin.post('/gateways/gateway1/async-connections/session', {
          connectInfos: [info],
        })
      ).status,
    ).toBe(200);
    await until(() => device(544114242).managed);
    const list = await world.admin.get('/gateways/gateway1/async-connections');
    expect(list.body.session).toContainEqual(info);
    expect(list.body.db.map((c: { deviceID: number }) => c.deviceID)).not.toContain(544114242);
    expect(
      (
        await world.admin.post('/gateways/gateway1/async-connections/session/delete', {
          deviceIDs: [544114242],
        })
      ).status,
    ).toBe(200);
    const after = await world.admin.get('/gateways/gateway1/async-connections');
    expect(after.body.session.map((c: { deviceID: number }) => c.deviceID)).not.toContain(
      544114242,
    );
  });

  it('adds and deletes DB registrations, told apart from session ones', async () => {
    const dbInfo = { deviceID: 544114237, IPAddr: '192.168.10.17', port: 51211, useSSL: false };
    expect(
      (
        await world.admin.post('/gateways/gateway1/async-connections/db', {
          connectInfos: [dbInfo],
        })
      ).status,
    ).toBe(200);
    const list = await world.admin.get('/gateways/gateway1/async-connections');
    expect(list.body.db).toContainEqual(dbInfo);
    expect(world.h.sim.control.state().asyncConnections.gateway1?.db).toContainEqual(
      expect.objectContaining({ deviceID: 544114237 }),
    );
    expect(
      (
        await world.admin.post('/gateways/gateway1/async-connections/db/delete', {
          deviceIDs: [544114237],
        })
      ).status,
    ).toBe(200);
    const missing = await world.admin.post('/gateways/gateway1/async-connections/db/delete', {
      deviceIDs: [544114237],
    });
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toMatch(/544114237/);
  });

  it('validates every entry and refuses tenant viewers', async () => {
    const bad = await world.admin.post('/gateways/gateway1/async-connections/session', {
      connectInfos: [{ ...info, deviceID: 4294967296, IPAddr: 'x' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'body.connectInfos.0.deviceID',
      'body.connectInfos.0.IPAddr',
    ]);
    expect(
      (
        await world.viewer.post('/gateways/gateway1/async-connections/session', {
          connectInfos: [info],
        })
      ).status,
    ).toBe(403);
    expect((await world.viewer.get('/gateways/gateway1/async-connections')).status).toBe(200);
    expect((await world.viewer.get('/gateways/gateway3/async-connections')).status).toBe(403);
  });
});

describe('accept filter and pending list', () => {
  it('reads session and DB filters separately', async () => {
    const res = await world.admin.get('/gateways/gateway2/accept-filter');
    expect(res.status).toBe(200);
    expect(res.body.session.deviceIDs.sort()).toEqual([540092585, 540092586]);
    expect(res.body.db).toEqual({ allowAll: false, deviceIDs: [], IPAddrs: [], subnetMasks: [] });
  });

  it('lists refused device-to-server devices as pending', async () => {
    await fetch(`${world.h.sim.controlUrl}/devices/540092587/dial-in`, { method: 'POST' });
    const res = await world.admin.get('/gateways/gateway2/pending');
    expect(res.status).toBe(200);
    const pending = res.body.devices.find((d: { deviceID: number }) => d.deviceID === 540092587);
    expect(pending).toMatchObject({ IPAddr: '192.168.20.20', type: 'BIOENTRY_W2' });
    expect(Number.isNaN(Date.parse(pending.lastTry))).toBe(false);
    expect(Math.abs(Date.parse(pending.lastTry) - Date.now())).toBeLessThan(24 * 3600_000);
  });

  it('sets the DB filter and the session filter; accepted devices leave the pending list', async () => {
    const filter = {
      allowAll: false,
      deviceIDs: [540092585, 540092586, 540092587],
      IPAddrs: ['192.168.20.0'],
      subnetMasks: ['255.255.255.0'],
    };
    const db = await world.admin.put('/gateways/gateway2/accept-filter/db', { filter });
    expect(db.status).toBe(200);
    expect(db.body.db).toEqual(filter);
    expect(world.h.sim.control.state().acceptFilters.gateway2?.db).toMatchObject({
      deviceIDs: filter.deviceIDs,
    });
    const session = await world.admin.put('/gateways/gateway2/accept-filter/session', { filter });
    expect(session.body.session.deviceIDs).toEqual(filter.deviceIDs);
    await fetch(`${world.h.sim.controlUrl}/devices/540092587/dial-in`, { method: 'POST' });
    await until(
      async () =>
        !(await world.admin.get('/gateways/gateway2/pending')).body.devices.some(
          (d: { deviceID: number }) => d.deviceID === 540092587,
        ),
    );
  });

  it('rejects a non-contiguous subnet mask by path, and viewers', async () => {
    const bad = await world.admin.put('/gateways/gateway2/accept-filter/db', {
      filter: { allowAll: false, deviceIDs: [], IPAddrs: [], subnetMasks: ['255.0.255.0'] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('body.filter.subnetMasks.0');
    const allow = { filter: { allowAll: true, deviceIDs: [], IPAddrs: [], subnetMasks: [] } };
    expect((await world.viewer.put('/gateways/gateway2/accept-filter/session', allow)).status).toBe(
      403,
    );
  });
});

describe('device commands', () => {
  it('sets the connection mode with one result per device, keeping per-device failures', async () => {
    // 544114241 is unreachable (not connected): the master refuses that one only.
    const res = await world.admin.post('/gateways/gateway1/connection-mode', {
      deviceIDs: [544114232, 544114241],
      mode: 'DEVICE_TO_SERVER',
    });
    expect(res.status).toBe(200);
    const body = multiResponse.parse(res.body);
    expect(body.results[0]).toEqual({ deviceID: 544114232, ok: true });
    expect(body.results[1]).toMatchObject({
      deviceID: 544114241,
      ok: false,
      message: expect.stringMatching(/not connected/),
    });
    expect(body).toMatchObject({ succeeded: 1, failed: 1 });
    expect(device(544114232).connectionMode).toBe(1);
  });

  it('enables and disables SSL per device', async () => {
    const on = multiResponse.parse(
      (
        await world.admin.post('/gateways/gateway3/ssl', {
          deviceIDs: [939000101, 939000102],
          enabled: true,
        })
      ).body,
    );
    expect(on).toMatchObject({ succeeded: 2, failed: 0 });
    expect(device(939000101).useSSL).toBe(true);
    // 939000103 is connected over TLS (its DB registration has useSSL).
    const off = multiResponse.parse(
      (await world.admin.post('/gateways/gateway3/ssl', { deviceIDs: [939000103], enabled: false }))
        .body,
    );
    expect(off.results).toEqual([{ deviceID: 939000103, ok: true }]);
    expect(device(939000103).useSSL).toBe(false);
  });

  it('refuses devices the gateway does not manage, naming each', async () => {
    const res = await world.admin.post('/gateways/gateway1/ssl', {
      deviceIDs: [544114231, 939000101],
      enabled: true,
    });
    expect(res.status).toBe(404);
    expect(res.body.errors).toEqual([
      { path: 'body.deviceIDs.1', message: 'device 939000101 is not managed by gateway gateway1' },
    ]);
    const dupes = await world.admin.post('/gateways/gateway1/ssl', {
      deviceIDs: [1, 1],
      enabled: true,
    });
    expect(dupes.status).toBe(400);
    const tooMany = await world.admin.post('/gateways/gateway1/disconnect', {
      deviceIDs: Array.from({ length: 1001 }, (_, i) => i + 1),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0]).toEqual({
      path: 'body.deviceIDs',
      message: 'must list at most 1000 device IDs',
    });
  });

  it('disconnects one device and then all devices of a gateway', async () => {
    expect(
      (await world.admin.post('/gateways/gateway3/disconnect', { deviceIDs: [939000105] })).status,
    ).toBe(200);
    expect(device(939000105).managed).toBe(false); // a sync device leaves the managed list
    expect((await world.admin.post('/gateways/gateway3/disconnect-all')).status).toBe(200);
    const connected = world.h.sim.control
      .state()
      .devices.filter((d) => d.gatewayID === 'gateway3' && (d.status === 1 || d.status === 2));
    expect(connected).toEqual([]);
  });

  it("refuses tenant viewers (403) on every command, and on other tenants' gateways", async () => {
    expect(
      (await world.viewer.post('/gateways/gateway1/disconnect', { deviceIDs: [544114231] })).status,
    ).toBe(403);
    expect((await world.viewer.post('/gateways/gateway1/disconnect-all')).status).toBe(403);
    expect(
      (
        await world.viewer.post('/gateways/gateway1/connection-mode', {
          deviceIDs: [544114231],
          mode: 'SERVER_TO_DEVICE',
        })
      ).status,
    ).toBe(403);
    expect(
      (await world.viewer.post('/gateways/gateway1/ssl', { deviceIDs: [544114231], enabled: true }))
        .status,
    ).toBe(403);
    expect(
      (await world.viewer.post('/gateways/gateway1/connect', { IPAddr: '192.168.10.18' })).status,
    ).toBe(403);
    expect(device(544114231).managed).toBe(true);
  });

  it('audits every mutation with user, gateway, device IDs and outcome', async () => {
    const res = await world.admin.get('/audit?action=devices.connection-mode&user=admin');
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({
      username: 'admin',
      role: 'admin',
      gatewayID: 'gateway1',
      deviceIDs: [544114232, 544114241],
      outcome: 'success',
      error: expect.stringMatching(/1 of 2 devices failed: 544114241/),
    });
    const failed = await world.admin.get(
      '/audit?action=gateways.connect&outcome=failure&user=admin',
    );
    expect(failed.body.items[0].error).toMatch(/192\.168\.10\.250/);
    const refused = await world.admin.get('/audit?user=viewer1&action=devices.disconnect');
    expect(refused.body.items[0]).toMatchObject({
      outcome: 'failure',
      error: 'this action needs the admin role',
      role: 'tenant',
      gatewayID: 'gateway1',
      deviceIDs: [544114231],
    });
  });
});

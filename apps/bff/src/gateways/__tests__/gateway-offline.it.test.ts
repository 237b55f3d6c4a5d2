// A device gateway leaving the master and coming back, through the real simulator: its devices stay
// listed as "gateway offline", the saved async registrations stay readable, and after the reconnect
// the connections the master did not restore (session async, one-off Connect) are named and can be
// re-applied or saved to the master's database by an admin only.
import { describe, expect, it } from 'vitest';
import { asyncConnectionsResponse, deviceList, lostConnectionsList } from '@cmc/api';
import { useSignedInHarness } from '../../__tests__/harness.ts';
import { eventually } from '../../live/__tests__/live-world.ts';

const world = useSignedInHarness();
const control = (path: string) =>
  fetch(`${world.h.sim.controlUrl}${path}`, { method: 'POST' }).then((r) => r.json());

// gateway1 of the demo world (tenant1): 544114231/32/36/41 session async, 33/34 async in the DB,
// 35 a one-off Connect, 39/40 device-to-server.
const regIDs = (list: unknown[] | undefined) =>
  (list as Array<{ deviceID: number }> | undefined)?.map((r) => r.deviceID);
const SESSION = [544114231, 544114232, 544114236, 544114241];
const SYNC = 544114235;
const DB = [544114233, 544114234];

describe('a gateway that goes offline and comes back', () => {
  it('keeps its devices listed as gateway offline, for admins and its tenant', async () => {
    const before = deviceList.parse((await world.admin.get('/devices?gatewayID=gateway1')).body);
    await control('/gateways/gateway1/offline');
    await control('/gateways/gateway3/offline');
    for (const who of [world.admin, world.viewer]) {
      const list = await eventually(async () => {
        const res = await who.get('/devices?gatewayID=gateway1&pageSize=100');
        expect(res.status).toBe(200);
        return deviceList.parse(res.body);
      });
      expect(list.items.map((d) => d.deviceID).sort()).toEqual(
        before.items.map((d) => d.deviceID).sort(),
      );
      for (const d of list.items)
        expect(d).toMatchObject({ gatewayOffline: true, status: 'DISCONNECTED' });
      expect(list.unavailableGateways).toEqual([
        { gatewayID: 'gateway1', error: expect.stringMatching(/gateway1 is offline/) },
      ]);
    }
    // Unfiltered: the offline gateway's rows are there, the other gateways' rows are live.
    const all = deviceList.parse((await world.admin.get('/devices?pageSize=1000')).body);
    expect(all.items.find((d) => d.deviceID === SYNC)?.gatewayOffline).toBe(true);
    expect(all.items.find((d) => d.deviceID === 540092578)?.gatewayOffline).toBeUndefined();
    // The detail of one of its devices says so too.
    const detail = await world.admin.get(`/devices/${SYNC}`);
    expect(detail.status).toBe(200);
    expect(detail.body.device.gatewayOffline).toBe(true);
    // A tenant viewer still cannot see another tenant's offline gateway.
    expect((await world.viewer.get('/devices?gatewayID=gateway3')).status).toBe(403);
    // The gateway summary explains the missing counts.
    const gw = await world.admin.get('/gateways/gateway1');
    expect(gw.body).toMatchObject({
      connected: false,
      statusCounts: null,
      deviceCount: before.total,
    });
    expect(gw.body.error).toMatch(/offline/);
  });

  it('still shows the async registrations saved in the master database', async () => {
    const res = await world.admin.get('/gateways/gateway1/async-connections');
    expect(res.status).toBe(200);
    const body = asyncConnectionsResponse.parse(res.body);
    expect(body.db.map((c) => c.deviceID).sort()).toEqual(DB);
    expect(body.session).toEqual([]);
    expect(body.sessionError).toMatch(/gateway1/);
  });

  it('names what the reconnect lost, per tenant, and only admins may act on it', async () => {
    await control('/gateways/gateway1/online');
    await control('/gateways/gateway3/online');
    const notices = await eventually(async () => {
      const body = lostConnectionsList.parse((await world.admin.get('/lost-connections')).body);
      expect(body.notices.map((n) => n.gatewayID).sort()).toEqual(['gateway1', 'gateway3']);
      return body.notices;
    });
    const g1 = notices.find((n) => n.gatewayID === 'gateway1')!;
    expect(g1.devices.map((d) => d.deviceID).sort()).toEqual([...SESSION, SYNC].sort());
    expect(g1.devices.find((d) => d.deviceID === SYNC)?.kind).toBe('sync');
    expect(g1.devices.find((d) => d.deviceID === SESSION[0])).toMatchObject({
      kind: 'async',
      IPAddr: '192.168.10.11',
      port: 51211,
    });
    // The DB ones came back by themselves; the rows are live again.
    const list = deviceList.parse((await world.admin.get('/devices?gatewayID=gateway1')).body);
    expect(list.items.map((d) => d.deviceID)).toEqual(expect.arrayContaining(DB));
    expect(list.items.some((d) => d.gatewayOffline)).toBe(false);

    const viewed = lostConnectionsList.parse((await world.viewer.get('/lost-connections')).body);
    expect(viewed.notices.map((n) => n.gatewayID)).toEqual(['gateway1']);
    const refused = await world.viewer.post('/gateways/gateway1/lost-connections/restore', {
      deviceIDs: [SYNC],
      saveToDatabase: false,
    });
    expect(refused.status).toBe(403);
    expect((await world.viewer.post('/gateways/gateway3/lost-connections/dismiss')).status).toBe(
      403,
    );
  });

  it('re-applies lost connections as before, or saves them to the master database', async () => {
    const unknown = await world.admin.post('/gateways/gateway1/lost-connections/restore', {
      deviceIDs: [DB[0]],
      saveToDatabase: false,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0]).toMatchObject({ path: 'body.deviceIDs.0' });
    const bad = await world.admin.post('/gateways/gateway1/lost-connections/restore', {
      deviceIDs: [SYNC],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('body.saveToDatabase');

    const asBefore = await world.admin.post('/gateways/gateway1/lost-connections/restore', {
      deviceIDs: [SYNC, SESSION[0]],
      saveToDatabase: false,
    });
    expect(asBefore.status).toBe(200);
    expect(asBefore.body.results).toEqual([
      { deviceID: SYNC, ok: true },
      { deviceID: SESSION[0], ok: true },
    ]);
    let truth = world.h.sim.control.state();
    expect(truth.devices.find((d) => d.deviceID === SYNC)).toMatchObject({
      managed: true,
      kind: 'sync',
    });
    expect(regIDs(truth.asyncConnections.gateway1?.session)).toContain(SESSION[0]);

    const saved = await world.admin.post('/gateways/gateway1/lost-connections/restore', {
      deviceIDs: [SESSION[1], SESSION[3]],
      saveToDatabase: true,
    });
    expect(saved.body.results.every((r: { ok: boolean }) => r.ok)).toBe(true);
    truth = world.h.sim.control.state();
    expect(regIDs(truth.asyncConnections.gateway1?.db)).toEqual(
      expect.arrayContaining([SESSION[1], SESSION[3]]),
    );
    const left = lostConnectionsList.parse((await world.admin.get('/lost-connections')).body);
    expect(
      left.notices.find((n) => n.gatewayID === 'gateway1')?.devices.map((d) => d.deviceID),
    ).toEqual([SESSION[2]]);
    // Both actions are in the audit log.
    const audit = await world.admin.get('/audit?limit=10');
    expect(JSON.stringify(audit.body)).toMatch(/saved to the master's database/);
    expect((await world.admin.post('/gateways/gateway3/lost-connections/dismiss')).status).toBe(
      200,
    );
    const after = lostConnectionsList.parse((await world.admin.get('/lost-connections')).body);
    expect(after.notices.map((n) => n.gatewayID)).toEqual(['gateway1']);
  });
  it('names the re-applied connections again when the gateway leaves and returns right after the restore', async () => {
    // Restored as before just now (SYNC and SESSION[0]) and left at once: whatever the live view has
    // or has not read since the restore, the master drops them again and the notice must say so.
    const restored = await world.admin.post('/gateways/gateway1/lost-connections/restore', {
      deviceIDs: [SESSION[2]],
      saveToDatabase: false,
    });
    expect(restored.body.results).toEqual([{ deviceID: SESSION[2], ok: true }]);
    await control('/gateways/gateway1/offline');
    await control('/gateways/gateway1/online');
    const notice = await eventually(async () => {
      const body = lostConnectionsList.parse((await world.admin.get('/lost-connections')).body);
      const g1 = body.notices.find((n) => n.gatewayID === 'gateway1');
      expect(g1?.devices.map((d) => d.deviceID).sort()).toEqual(
        [SYNC, SESSION[0], SESSION[2]].sort(),
      );
      return g1!;
    });
    // Saved to the database in the test before: they came back by themselves.
    expect(notice.devices.map((d) => d.deviceID)).not.toContain(SESSION[1]);
  });
});

// Accept filters and the pending list against the real simulator, checked against its true state.
import { describe, expect, it } from 'vitest';
import { ADMIN, signIn, useSignedInHarness } from '../../__tests__/harness.ts';
import { until } from '../../__tests__/until.ts';

const world = useSignedInHarness();

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

describe('accepting devices (one server-side step)', () => {
  // gateway2's DB filter after the tests above: 540092585, 540092586, 540092587.
  const gatewayID = 'gateway2';
  // The simulator's own state: what the master really holds, not what the BFF answered.
  const simFilter = (store: 'session' | 'db') =>
    world.h.sim.control.state().acceptFilters[gatewayID]?.[store] as
      { deviceIDs: number[]; IPAddrs: string[] } | undefined;
  const accepted = async (store: 'session' | 'db') => simFilter(store)?.deviceIDs ?? [];

  it('two administrators accepting different devices at the same time both land', async () => {
    const before = await accepted('db');
    const newcomers = [3_000_001, 3_000_002, 3_000_003, 3_000_004, 3_000_005, 3_000_006];
    // Two signed-in admin sessions, each accepting its own devices concurrently.
    const sessions = [world.admin, await signIn(world.h.url, ADMIN)];
    const answers = await Promise.all(
      newcomers.map((id, i) =>
        sessions[i % 2]!.post(`/gateways/${gatewayID}/accept-filter/devices`, {
          store: 'db',
          add: [id],
        }),
      ),
    );
    for (const answer of answers) expect(answer.status).toBe(200);
    const after = await accepted('db');
    expect([...after].sort()).toEqual([...new Set([...before, ...newcomers])].sort());
    // The IP lists of the filter are kept as they were.
    expect(simFilter('db')?.IPAddrs).toEqual(['192.168.20.0']);
  });

  it('removes and adds in the session store, audited, and answers both filters', async () => {
    const res = await world.admin.post(`/gateways/${gatewayID}/accept-filter/devices`, {
      store: 'session',
      add: [3_000_010],
      remove: [540092585],
    });
    expect(res.status).toBe(200);
    expect(res.body.session.deviceIDs).toContain(3_000_010);
    expect(res.body.session.deviceIDs).not.toContain(540092585);
    expect(await accepted('session')).toEqual(res.body.session.deviceIDs);
    const audit = await world.admin.get('/audit?action=accept-filter.change-devices');
    expect(audit.status).toBe(200);
    expect(audit.body.items[0]).toMatchObject({
      action: 'accept-filter.change-devices',
      gatewayID,
      outcome: 'success',
    });
  });

  it('names what is wrong with a bad request, and refuses viewers', async () => {
    const empty = await world.admin.post(`/gateways/${gatewayID}/accept-filter/devices`, {
      store: 'db',
    });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0]).toMatchObject({
      path: 'body.add',
      message: 'must list at least one device ID to add or remove',
    });
    const both = await world.admin.post(`/gateways/${gatewayID}/accept-filter/devices`, {
      store: 'db',
      add: [5],
      remove: [5],
    });
    expect(both.status).toBe(400);
    expect(both.body.errors[0].path).toBe('body.remove');
    const viewer = await world.viewer.post(`/gateways/${gatewayID}/accept-filter/devices`, {
      store: 'db',
      add: [7],
    });
    expect(viewer.status).toBe(403);
    expect(await accepted('db')).not.toContain(7);
  });
});

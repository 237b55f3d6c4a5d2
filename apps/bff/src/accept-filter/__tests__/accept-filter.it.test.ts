// Accept filters and the pending list against the real simulator, checked against its true state.
import { describe, expect, it } from 'vitest';
import { useSignedInHarness } from '../../__tests__/harness.ts';
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

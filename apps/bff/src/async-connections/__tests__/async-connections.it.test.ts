// Session and DB async connections against the real simulator, checked against its true state.
import { describe, expect, it } from 'vitest';
import { useSignedInHarness } from '../../__tests__/harness.ts';
import { until } from '../../__tests__/until.ts';

const world = useSignedInHarness();

const device = (id: number) => world.h.sim.control.state().devices.find((d) => d.deviceID === id)!;

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

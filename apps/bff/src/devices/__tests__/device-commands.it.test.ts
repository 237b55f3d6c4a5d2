// Device commands against the real simulator; every mutation checked against the simulator's true
// state and the audit log.
import { describe, expect, it } from 'vitest';
import { multiResponse } from '@cmc/api';
import { useSignedInHarness } from '../../__tests__/harness.ts';

const world = useSignedInHarness();

const device = (id: number) => world.h.sim.control.state().devices.find((d) => d.deviceID === id)!;

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

// Synchronous connect against the real simulator, checked against its true state and the audit log.
import { describe, expect, it } from 'vitest';
import { useSignedInHarness } from '../../__tests__/harness.ts';

const world = useSignedInHarness();

const device = (id: number) => world.h.sim.control.state().devices.find((d) => d.deviceID === id)!;

describe('sync connect', () => {
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

  it('refuses tenant viewers (403) and leaves the device alone', async () => {
    expect(
      (await world.viewer.post('/gateways/gateway1/connect', { IPAddr: '192.168.10.18' })).status,
    ).toBe(403);
    const refused = await world.admin.get('/audit?user=viewer1&action=gateways.connect');
    expect(refused.body.items[0]).toMatchObject({
      outcome: 'failure',
      error: 'this action needs the admin role',
      gatewayID: 'gateway1',
    });
  });

  it('audits connects with the device ID, and failures with the master error', async () => {
    const ok = await world.admin.get('/audit?action=gateways.connect&outcome=success&user=admin');
    expect(ok.body.items[0]).toMatchObject({
      gatewayID: 'gateway1',
      deviceIDs: [544114238],
      summary: 'connect 192.168.10.18:51211',
    });
    const failed = await world.admin.get(
      '/audit?action=gateways.connect&outcome=failure&user=admin',
    );
    expect(failed.body.items[0].error).toMatch(/192\.168\.10\.250/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGsdkConnection, type GsdkConnection } from '../connection.ts';
import { DeviceStatus } from '../names.ts';
import { EventRecorder } from './helpers/events.ts';
import { startFixture, type SimFixture } from './helpers/sim-fixture.ts';

// Several logins over one mutual-TLS connection to the simulator: each call carries its own
// client's token, so the master scopes each client to its own login.
let fixture: SimFixture;
let connection: GsdkConnection;

beforeAll(async () => {
  fixture = await startFixture();
  const { certs, address } = fixture.sim;
  connection = createGsdkConnection({
    address,
    caCert: certs.caCert,
    clientCert: certs.adminCert,
    clientKey: certs.adminKey,
  });
});
afterAll(async () => {
  connection?.close();
  await fixture?.stop();
});

describe('createGsdkConnection', () => {
  it('gives each login on the shared connection its own scope', async () => {
    const tenant1 = connection.client({ kind: 'admin', tenantID: 'tenant1' });
    const tenant2 = connection.client({ kind: 'admin', tenantID: 'tenant2' });
    const admin = connection.client({ kind: 'admin', tenantID: 'administrator' });
    const [one, two, all] = await Promise.all([
      tenant1.gateway.getList({}),
      tenant2.gateway.getList({}),
      admin.gateway.getList({}),
    ]);
    expect([...one.gatewayIDs].sort()).toEqual(['gw1', 'gw2']);
    expect([...two.gatewayIDs].sort()).toEqual(['gw3']);
    expect(all.gatewayIDs).toEqual(expect.arrayContaining(['gw1', 'gw2', 'gw3']));
    // Interleaved calls keep their own tokens: tenant2 still sees only gw3.
    const lists = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? tenant1 : tenant2).gateway.getList({}).then((r) => [...r.gatewayIDs].sort()),
      ),
    );
    lists.forEach((ids, i) => expect(ids).toEqual(i % 2 ? ['gw1', 'gw2'] : ['gw3']));
  });

  it("streams each login's own status changes (on a connection of their own) and stops with close()", async () => {
    const tenant1 = connection.client({ kind: 'admin', tenantID: 'tenant1' });
    const tenant2 = connection.client({ kind: 'admin', tenantID: 'tenant2' });
    const one = new EventRecorder(tenant1.subscribeDeviceStatus());
    const two = new EventRecorder(tenant2.subscribeDeviceStatus());
    await one.waitFor('tenant1 subscribed', (e) => e.type === 'subscribed');
    await two.waitFor('tenant2 subscribed', (e) => e.type === 'subscribed');
    await fixture.control('POST', '/devices/1101/offline');
    await one.waitFor(
      '1101 DISCONNECTED',
      (e) =>
        e.type === 'change' &&
        e.change.deviceID === 1101 &&
        e.change.status === DeviceStatus.DISCONNECTED,
    );
    await fixture.control('POST', '/devices/1101/online?now=1');
    await one.waitFor(
      '1101 TCP_CONNECTED',
      (e) =>
        e.type === 'change' &&
        e.change.deviceID === 1101 &&
        e.change.status === DeviceStatus.TCP_CONNECTED,
    );
    expect(two.events.some((e) => e.type === 'change' && e.change.deviceID === 1101)).toBe(false);
    // The unary side still works while the streams run.
    expect([...(await tenant2.gateway.getList({})).gatewayIDs]).toEqual(['gw3']);
    tenant1.close();
    tenant2.close();
    await Promise.all([one.done, two.done]);
  });

  it('closing one client leaves the others and the connection working', async () => {
    const first = connection.client({ kind: 'admin', tenantID: 'tenant1' });
    const second = connection.client({ kind: 'admin', tenantID: 'tenant1' });
    await first.gateway.getList({});
    first.close();
    await expect(first.gateway.getList({})).rejects.toMatchObject({
      codeName: 'FAILED_PRECONDITION',
    });
    expect((await second.gateway.getList({})).gatewayIDs.length).toBeGreaterThan(0);
  });

  it('refuses bad options at creation, naming the option', () => {
    expect(() =>
      createGsdkConnection({
        address: 'no-port',
        caCert: fixture.sim.certs.caCert,
        clientCert: fixture.sim.certs.adminCert,
        clientKey: fixture.sim.certs.adminKey,
      }),
    ).toThrow(/options\.address/);
  });

  it('close() ends every client of the connection and refuses new ones', async () => {
    const { certs, address } = fixture.sim;
    const own = createGsdkConnection({
      address,
      caCert: certs.caCert,
      clientCert: certs.adminCert,
      clientKey: certs.adminKey,
    });
    const client = own.client({ kind: 'admin', tenantID: 'tenant2' });
    await client.gateway.getList({});
    own.close();
    await expect(client.gateway.getList({})).rejects.toMatchObject({
      codeName: 'FAILED_PRECONDITION',
    });
    expect(() => own.client({ kind: 'admin', tenantID: 'tenant2' })).toThrow(/closed/);
  });
});

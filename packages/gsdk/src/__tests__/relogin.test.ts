import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type SimFixture } from './helpers/sim-fixture.ts';

// Tokens that expire (the simulator expires them on demand): the client must log in again by itself.
let fixture: SimFixture;

beforeAll(async () => {
  fixture = await startFixture();
});
afterAll(async () => {
  await fixture?.stop();
});

describe('expired token', () => {
  it('is replaced transparently: the call succeeds and the client logged in twice', async () => {
    const logins: string[] = [];
    const client = fixture.adminClient('tenant1', { onLogin: ({ reason }) => logins.push(reason) });
    const first = await client.connectMaster.getDeviceList({ gatewayID: 'gw1' });
    expect(logins).toEqual(['first-call']);
    fixture.sim.expireTokens();
    const second = await client.connectMaster.getDeviceList({ gatewayID: 'gw1' });
    expect(second.deviceInfos.map((d) => d.deviceID).sort()).toEqual(
      first.deviceInfos.map((d) => d.deviceID).sort(),
    );
    expect(logins).toEqual(['first-call', 'unauthenticated']);
  });

  it('concurrent calls share one login, first and after expiry', async () => {
    const logins: string[] = [];
    const client = fixture.tenantClient('tenant1', {
      onLogin: ({ reason }) => logins.push(reason),
    });
    const parallel = () =>
      Promise.all(
        ['gw1', 'gw2', 'gw1', 'gw2', 'gw1'].map((gatewayID) =>
          client.connectMaster.getDeviceList({ gatewayID }),
        ),
      );
    expect(await parallel()).toHaveLength(5);
    expect(logins).toEqual(['first-call']);
    fixture.sim.expireTokens();
    expect(await parallel()).toHaveLength(5);
    expect(logins).toEqual(['first-call', 'unauthenticated']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConnectedStatus } from '../names.ts';
import type { GsdkClient } from '../types.ts';
import { startFixture, waitFor, type SimFixture } from './helpers/sim-fixture.ts';

// gsdk-facts: non-DB async connections and accept filters are lost when a device gateway
// reconnects to the master; the DB variants are re-applied. Checked end to end through the client.
let fixture: SimFixture;
let client: GsdkClient;
let admin: GsdkClient;

beforeAll(async () => {
  fixture = await startFixture();
  client = fixture.adminClient('tenant1');
  admin = fixture.adminClient('administrator');
});
afterAll(async () => {
  await fixture?.stop();
});

const connectInfo = (deviceID: number, IPAddr: string) => ({
  deviceID,
  IPAddr,
  port: 51211,
  useSSL: false,
});

describe('a device gateway leaving and rejoining the master', () => {
  it('keeps DB settings and loses session settings', async () => {
    const gatewayID = 'gw1';
    await client.connectMaster.setAcceptFilterDB({
      gatewayID,
      filter: { allowAll: false, deviceIDs: [1105], IPAddrs: [], subnetMasks: [] },
    });
    await client.connectMaster.setAcceptFilter({
      gatewayID,
      filter: { allowAll: true, deviceIDs: [], IPAddrs: [], subnetMasks: [] },
    });
    await client.connectMaster.addAsyncConnection({
      gatewayID,
      connectInfos: [connectInfo(1103, '10.10.1.13')],
    });
    await client.connectMaster.addAsyncConnectionDB({
      gatewayID,
      connectInfos: [connectInfo(1104, '10.10.1.14')],
    });
    await waitFor('1103 and 1104 connected', async () => {
      const { deviceInfos } = await client.connectMaster.getDeviceList({ gatewayID });
      const up = deviceInfos.filter(
        (d) => (d.deviceID === 1103 || d.deviceID === 1104) && isConnectedStatus(d.status),
      );
      return up.length === 2 ? true : undefined;
    });

    await fixture.control('POST', `/gateways/${gatewayID}/offline`);
    expect((await admin.gateway.get({ gatewayIDs: [gatewayID] })).gatewayInfos[0]).toMatchObject({
      isConnected: false,
    });
    await fixture.control('POST', `/gateways/${gatewayID}/online`);
    expect((await admin.gateway.get({ gatewayIDs: [gatewayID] })).gatewayInfos[0]).toMatchObject({
      isConnected: true,
    });

    expect((await client.connectMaster.getAcceptFilter({ gatewayID })).filter).toMatchObject({
      allowAll: false,
      deviceIDs: [1105],
    });
    const ids = await waitFor('1104 back', async () => {
      const { deviceInfos } = await client.connectMaster.getDeviceList({ gatewayID });
      const list = deviceInfos.map((d) => d.deviceID);
      return list.includes(1104) ? list : undefined;
    });
    expect(ids).not.toContain(1103);
    expect((await client.connectMaster.getAsyncConnectionDB({ gatewayID })).connectInfos).toEqual([
      connectInfo(1104, '10.10.1.14'),
    ]);
  });
});

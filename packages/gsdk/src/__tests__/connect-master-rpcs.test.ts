import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionMode, DeviceStatus, DeviceType, isConnectedStatus } from '../names.ts';
import type { GsdkClient } from '../types.ts';
import { simDevice, startFixture, waitFor, type SimFixture } from './helpers/sim-fixture.ts';

// Every unary ConnectMaster RPC through the client, over mutual TLS, as tenant1 (LoginAdmin with
// tenantID tenant1, the way the BFF acts for a tenant). SubscribeStatus is in status-streams.test.ts.
let fixture: SimFixture;
let client: GsdkClient;

beforeAll(async () => {
  fixture = await startFixture();
  client = fixture.adminClient('tenant1');
});
afterAll(async () => {
  await fixture?.stop();
});

async function managed(gatewayID: string) {
  const { deviceInfos } = await client.connectMaster.getDeviceList({ gatewayID });
  return new Map(deviceInfos.map((d) => [d.deviceID, d]));
}

describe('ConnectMaster: device list and search', () => {
  it('GetDeviceList returns the managed devices with every DeviceInfo field', async () => {
    const devices = await managed('gw1');
    expect(devices.get(1101)).toEqual({
      deviceID: 1101,
      type: DeviceType.BIOSTATION_L2,
      connectionMode: ConnectionMode.SERVER_TO_DEVICE,
      IPAddr: '10.10.1.11',
      port: 51211,
      status: DeviceStatus.TCP_CONNECTED,
      autoReconnect: true,
      useSSL: false,
    });
    expect(devices.get(1102)).toMatchObject({
      autoReconnect: false,
      status: DeviceStatus.TCP_CONNECTED,
    });
    expect(devices.get(1105)).toMatchObject({ connectionMode: ConnectionMode.DEVICE_TO_SERVER });
    expect(devices.has(1103)).toBe(false);
  });

  it('SearchDevice finds the devices on the gateway subnet and waits its timeout', async () => {
    const started = Date.now();
    const { deviceInfos } = await client.connectMaster.searchDevice({
      gatewayID: 'gw1',
      timeout: 400,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    const found = new Map(deviceInfos.map((d) => [d.deviceID, d]));
    expect(found.get(1104)).toMatchObject({
      type: DeviceType.BIOLITE_N2,
      IPAddr: '10.10.1.14',
      port: 51211,
      useDHCP: true,
    });
    expect(found.get(1103)).toMatchObject({
      type: DeviceType.XSTATION_2,
      connectionMode: ConnectionMode.SERVER_TO_DEVICE,
    });
    expect([...found.keys()].some((id) => id >= 1200)).toBe(false);
  });
});

describe('ConnectMaster: connections', () => {
  it('Connect adds a device synchronously with autoReconnect=false', async () => {
    const { deviceID } = await client.connectMaster.connect({
      gatewayID: 'gw1',
      connectInfo: { IPAddr: '10.10.1.13', port: 51211, useSSL: false },
    });
    expect(deviceID).toBe(1103);
    expect((await managed('gw1')).get(1103)).toMatchObject({
      autoReconnect: false,
      status: DeviceStatus.TCP_CONNECTED,
    });
  });

  it('Connect to an address nobody answers on fails with a GsdkError carrying the server message', async () => {
    const error = await client.connectMaster
      .connect({
        gatewayID: 'gw1',
        connectInfo: { IPAddr: '10.10.1.17', port: 51211, useSSL: false },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'GsdkError', rpc: 'ConnectMaster.Connect' });
    expect((error as { details: string }).details).toMatch(/10\.10\.1\.17/);
  });

  it('AddAsyncConnection connects in the background; DeleteAsyncConnection removes it', async () => {
    await client.connectMaster.addAsyncConnection({
      gatewayID: 'gw1',
      connectInfos: [{ deviceID: 1104, IPAddr: '10.10.1.14', port: 51211, useSSL: false }],
    });
    const added = await waitFor('1104 connected', async () => {
      const d = (await managed('gw1')).get(1104);
      return d && isConnectedStatus(d.status) ? d : undefined;
    });
    expect(added.autoReconnect).toBe(true);
    await client.connectMaster.deleteAsyncConnection({ gatewayID: 'gw1', deviceIDs: [1104] });
    expect((await managed('gw1')).has(1104)).toBe(false);
  });

  it('AddAsyncConnectionDB / GetAsyncConnectionDB / DeleteAsyncConnectionDB keep it in the master database', async () => {
    const info = { deviceID: 1104, IPAddr: '10.10.1.14', port: 51211, useSSL: false };
    await client.connectMaster.addAsyncConnectionDB({ gatewayID: 'gw1', connectInfos: [info] });
    expect(
      (await client.connectMaster.getAsyncConnectionDB({ gatewayID: 'gw1' })).connectInfos,
    ).toContainEqual(info);
    await waitFor('1104 managed', async () =>
      (await managed('gw1')).has(1104) ? true : undefined,
    );
    await client.connectMaster.deleteAsyncConnectionDB({ gatewayID: 'gw1', deviceIDs: [1104] });
    const after = await client.connectMaster.getAsyncConnectionDB({ gatewayID: 'gw1' });
    expect(after.connectInfos.map((c) => c.deviceID)).not.toContain(1104);
  });

  it('Disconnect takes a synchronously connected device off the managed list', async () => {
    expect((await managed('gw1')).has(1103)).toBe(true);
    await client.connectMaster.disconnect({ deviceIDs: [1103] });
    expect((await managed('gw1')).has(1103)).toBe(false);
  });
});

describe('ConnectMaster: accept filter and pending list', () => {
  it('a refused device-to-server device is on the pending list with its last try', async () => {
    await fixture.control('POST', '/devices/1106/dial-in');
    const { deviceInfos } = await client.connectMaster.getPendingList({ gatewayID: 'gw1' });
    const pending = deviceInfos.find((d) => d.deviceID === 1106);
    expect(pending).toMatchObject({ type: DeviceType.XPASS_D2_KEYPAD, IPAddr: '10.10.1.16' });
    expect(pending!.lastTry).toBeGreaterThan(Date.now() / 1000 - 60);
  });

  it('SetAcceptFilter / GetAcceptFilter: a device added to the filter gets in on its next dial', async () => {
    const filter = { allowAll: false, deviceIDs: [1105, 1106], IPAddrs: [], subnetMasks: [] };
    await client.connectMaster.setAcceptFilter({ gatewayID: 'gw1', filter });
    expect((await client.connectMaster.getAcceptFilter({ gatewayID: 'gw1' })).filter).toEqual(
      filter,
    );
    await fixture.control('POST', '/devices/1106/dial-in');
    expect((await managed('gw1')).get(1106)).toMatchObject({
      connectionMode: ConnectionMode.DEVICE_TO_SERVER,
      status: DeviceStatus.TCP_CONNECTED,
    });
  });

  it('SetAcceptFilterDB / GetAcceptFilterDB store IP addresses and masks as given', async () => {
    const filter = {
      allowAll: false,
      deviceIDs: [1105],
      IPAddrs: ['10.10.1.99'],
      subnetMasks: ['255.255.255.0'],
    };
    await client.connectMaster.setAcceptFilterDB({ gatewayID: 'gw1', filter });
    expect((await client.connectMaster.getAcceptFilterDB({ gatewayID: 'gw1' })).filter).toEqual(
      filter,
    );
  });
});

describe('ConnectMaster: slave devices', () => {
  it('GetSlaveDevice / SetSlaveDevice', async () => {
    const before = await client.connectMaster.getSlaveDevice({ gatewayID: 'gw2' });
    expect(before.slaveDeviceInfos).toContainEqual({
      deviceID: 1201,
      rs485SlaveDeviceIDs: [846],
      wiegandSlaveDeviceIDs: [],
    });
    const info = { deviceID: 1201, rs485SlaveDeviceIDs: [846, 847], wiegandSlaveDeviceIDs: [9001] };
    await client.connectMaster.setSlaveDevice({ gatewayID: 'gw2', slaveDeviceInfos: [info] });
    expect(
      (await client.connectMaster.getSlaveDevice({ gatewayID: 'gw2' })).slaveDeviceInfos,
    ).toContainEqual(info);
  });

  it('AddSlaveDeviceDB / GetSlaveDeviceDB / DeleteSlaveDeviceDB', async () => {
    const info = { deviceID: 1203, rs485SlaveDeviceIDs: [848], wiegandSlaveDeviceIDs: [] };
    await client.connectMaster.addSlaveDeviceDB({ gatewayID: 'gw2', slaveDeviceInfos: [info] });
    expect(
      (await client.connectMaster.getSlaveDeviceDB({ gatewayID: 'gw2' })).slaveDeviceInfos,
    ).toContainEqual(info);
    await client.connectMaster.deleteSlaveDeviceDB({ gatewayID: 'gw2', deviceIDs: [1203] });
    const after = await client.connectMaster.getSlaveDeviceDB({ gatewayID: 'gw2' });
    expect(after.slaveDeviceInfos.map((s) => s.deviceID)).not.toContain(1203);
  });
});

describe('ConnectMaster: SSL and connection mode', () => {
  const unknownDevice = 4_000_000_000;

  it('EnableSSL / DisableSSL change the device setting', async () => {
    await client.connectMaster.enableSSL({ deviceID: 1203 });
    expect((await simDevice(fixture, 1203)).useSSL).toBe(true);
    await client.connectMaster.disableSSL({ deviceID: 1204 });
    expect((await simDevice(fixture, 1204)).useSSL).toBe(false);
  });

  it('EnableSSLMulti / DisableSSLMulti report per-device errors without failing the call', async () => {
    const enabled = await client.connectMaster.enableSSLMulti({
      deviceIDs: [1205, 1206, unknownDevice],
    });
    expect(enabled.deviceErrors.map((e) => e.deviceID)).toEqual([unknownDevice]);
    expect(enabled.deviceErrors[0]!.code).not.toBe(0);
    expect((await simDevice(fixture, 1205)).useSSL).toBe(true);
    expect((await simDevice(fixture, 1206)).useSSL).toBe(true);
    const disabled = await client.connectMaster.disableSSLMulti({ deviceIDs: [1207, 1208] });
    expect(disabled.deviceErrors).toEqual([]);
    expect((await simDevice(fixture, 1207)).useSSL).toBe(false);
  });

  it('SetConnectionMode / SetConnectionModeMulti rewrite the device mode', async () => {
    await client.connectMaster.setConnectionMode({
      deviceID: 1209,
      connectionMode: ConnectionMode.DEVICE_TO_SERVER,
    });
    expect((await simDevice(fixture, 1209)).connectionMode).toBe(ConnectionMode.DEVICE_TO_SERVER);
    const multi = await client.connectMaster.setConnectionModeMulti({
      deviceIDs: [1210, unknownDevice],
      connectionMode: ConnectionMode.DEVICE_TO_SERVER,
    });
    expect(multi.deviceErrors.map((e) => e.deviceID)).toEqual([unknownDevice]);
    expect(multi.deviceErrors[0]!.msg).not.toBe('');
    expect((await simDevice(fixture, 1210)).connectionMode).toBe(ConnectionMode.DEVICE_TO_SERVER);
  });
});

describe('ConnectMaster: DisconnectAll', () => {
  it('leaves no device of the gateway connected', async () => {
    expect([...(await managed('gw2')).values()].some((d) => isConnectedStatus(d.status))).toBe(
      true,
    );
    await client.connectMaster.disconnectAll({ gatewayID: 'gw2' });
    expect([...(await managed('gw2')).values()].filter((d) => isConnectedStatus(d.status))).toEqual(
      [],
    );
    expect((await simDevice(fixture, 1211)).status).toBe(DeviceStatus.DISCONNECTED);
  });
});

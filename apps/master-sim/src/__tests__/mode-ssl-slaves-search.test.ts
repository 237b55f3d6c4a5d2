import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { Status, rpc } from './harness.ts';
import { useFixture } from './sim-fixture.ts';
import { D, ip } from './test-scenario.ts';

type DeviceErrors = { deviceErrors: { deviceID: number; code: number; msg: string }[] };

describe('connection mode and SSL', () => {
  const f = useFixture();

  it('SetConnectionMode needs a connected device; unknown → NOT_FOUND; another tenant → PERMISSION_DENIED; bad mode → INVALID_ARGUMENT', async () => {
    await expect(
      rpc(f.c.cm, 'SetConnectionMode', { deviceID: D.unmanaged, connectionMode: 1 }, f.token),
    ).rejects.toMatchObject({
      code: status.FAILED_PRECONDITION,
      details: expect.stringContaining('not connected'),
    });
    await expect(
      rpc(f.c.cm, 'SetConnectionMode', { deviceID: 5555, connectionMode: 1 }, f.token),
    ).rejects.toMatchObject({ code: status.NOT_FOUND });
    await expect(
      rpc(f.c.cm, 'SetConnectionMode', { deviceID: D.gw2Async, connectionMode: 1 }, f.token),
    ).rejects.toMatchObject({
      code: status.PERMISSION_DENIED,
    });
    await expect(
      rpc(f.c.cm, 'SetConnectionMode', { deviceID: D.sync, connectionMode: 7 }, f.token),
    ).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining('connectionMode'),
    });
  });

  it('→ DEVICE_TO_SERVER drops the connection; the device then dials in and waits in pending until the filter allows it', async () => {
    await rpc(f.c.cm, 'SetConnectionMode', { deviceID: D.sync, connectionMode: 1 }, f.token);
    await f.events.waitFor((e) => e.deviceID === D.sync && e.status === Status.DISCONNECTED);
    await f.events.waitFor((e) => e.deviceID === D.sync && e.status === Status.TCP_NOT_ALLOWED);
    await rpc(
      f.c.cm,
      'SetAcceptFilter',
      { gatewayID: 'gw1', filter: { deviceIDs: [D.d2sAccepted, D.sync] } },
      f.token,
    );
    await f.events.waitFor((e) => e.deviceID === D.sync && e.status === Status.TCP_CONNECTED);
    expect((await f.list()).find((d) => d.deviceID === D.sync)).toMatchObject({
      connectionMode: 1,
      status: Status.TCP_CONNECTED,
    });
    // Back to SERVER_TO_DEVICE: it stops dialing and must be connected again.
    await rpc(f.c.cm, 'SetConnectionMode', { deviceID: D.sync, connectionMode: 0 }, f.token);
    await new Promise((r) => setTimeout(r, 200));
    expect((await f.list()).find((d) => d.deviceID === D.sync)).toBeUndefined();
    const res = await rpc<{ deviceID: number }>(
      f.c.cm,
      'Connect',
      { gatewayID: 'gw1', connectInfo: { IPAddr: ip(D.sync), port: 51211 } },
      f.token,
    );
    expect(res.deviceID).toBe(D.sync);
  });

  it('SetConnectionModeMulti answers per-device errors without failing the call', async () => {
    const res = await rpc<DeviceErrors>(
      f.c.cm,
      'SetConnectionModeMulti',
      { deviceIDs: [D.sync, D.unmanaged, 5555, D.gw2Async], connectionMode: 1 },
      f.token,
    );
    expect(res.deviceErrors.map((e) => [e.deviceID, e.code])).toEqual([
      [D.unmanaged, status.FAILED_PRECONDITION],
      [5555, status.NOT_FOUND],
      [D.gw2Async, status.PERMISSION_DENIED],
    ]);
    expect(res.deviceErrors[0]!.msg).toContain('not connected');
    await f.events.waitFor((e) => e.deviceID === D.sync && e.status === Status.DISCONNECTED);
  });

  it('EnableSSL restarts the device: an async registration without SSL then fails with TCP_NOT_ALLOWED until re-registered', async () => {
    await rpc(f.c.cm, 'EnableSSL', { deviceID: D.asyncSession }, f.token);
    await f.events.waitFor(
      (e) => e.deviceID === D.asyncSession && e.status === Status.DISCONNECTED,
    );
    await f.events.waitFor(
      (e) => e.deviceID === D.asyncSession && e.status === Status.TCP_NOT_ALLOWED,
    );
    await rpc(
      f.c.cm,
      'AddAsyncConnection',
      {
        gatewayID: 'gw1',
        connectInfos: [
          { deviceID: D.asyncSession, IPAddr: ip(D.asyncSession), port: 51211, useSSL: true },
        ],
      },
      f.token,
    );
    await f.events.waitFor(
      (e) => e.deviceID === D.asyncSession && e.status === Status.TLS_CONNECTED,
    );
    expect((await f.list()).find((d) => d.deviceID === D.asyncSession)).toMatchObject({
      useSSL: true,
      status: Status.TLS_CONNECTED,
    });
    expect(f.sim.control.device(D.asyncSession).useSSL).toBe(true);
  });

  it('DisableSSL on a disconnected device is refused; the Multi forms report per device', async () => {
    await expect(rpc(f.c.cm, 'DisableSSL', { deviceID: D.sslOnly }, f.token)).rejects.toMatchObject(
      { code: status.FAILED_PRECONDITION },
    );
    const res = await rpc<DeviceErrors>(
      f.c.cm,
      'EnableSSLMulti',
      { deviceIDs: [D.asyncDB, D.sslOnly] },
      f.token,
    );
    expect(res.deviceErrors).toEqual([
      {
        deviceID: D.sslOnly,
        code: status.FAILED_PRECONDITION,
        msg: expect.stringContaining(String(D.sslOnly)),
      },
    ]);
    await f.events.waitFor((e) => e.deviceID === D.asyncDB && e.status === Status.DISCONNECTED);
    expect(f.sim.control.device(D.asyncDB).useSSL).toBe(true);
    const off = await rpc<DeviceErrors>(
      f.c.cm,
      'DisableSSLMulti',
      { deviceIDs: [D.sync] },
      f.token,
    );
    expect(off.deviceErrors).toEqual([]); // already off: nothing to change, no error
    await expect(rpc(f.c.cm, 'DisableSSLMulti', { deviceIDs: [] }, f.token)).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
    });
  });
});

describe('slave devices', () => {
  const f = useFixture();
  type Slaves = {
    slaveDeviceInfos: {
      deviceID: number;
      rs485SlaveDeviceIDs: number[];
      wiegandSlaveDeviceIDs: number[];
    }[];
  };

  it('SetSlaveDevice (session) is lost on gateway reconnect; AddSlaveDeviceDB is re-applied', async () => {
    await rpc(
      f.c.cm,
      'SetSlaveDevice',
      {
        gatewayID: 'gw1',
        slaveDeviceInfos: [{ deviceID: D.sync, rs485SlaveDeviceIDs: [846, 847] }],
      },
      f.token,
    );
    await rpc(
      f.c.cm,
      'AddSlaveDeviceDB',
      {
        gatewayID: 'gw1',
        slaveDeviceInfos: [{ deviceID: D.asyncDB, wiegandSlaveDeviceIDs: [900] }],
      },
      f.token,
    );
    const now = await rpc<Slaves>(f.c.cm, 'GetSlaveDevice', { gatewayID: 'gw1' }, f.token);
    expect(now.slaveDeviceInfos).toEqual([
      { deviceID: D.sync, rs485SlaveDeviceIDs: [846, 847], wiegandSlaveDeviceIDs: [] },
      { deviceID: D.asyncDB, rs485SlaveDeviceIDs: [], wiegandSlaveDeviceIDs: [900] },
    ]);
    f.sim.control.gatewayOffline('gw1');
    f.sim.control.gatewayOnline('gw1');
    const after = await rpc<Slaves>(f.c.cm, 'GetSlaveDevice', { gatewayID: 'gw1' }, f.token);
    expect(after.slaveDeviceInfos.map((s) => s.deviceID)).toEqual([D.asyncDB]);
    const db = await rpc<Slaves>(f.c.cm, 'GetSlaveDeviceDB', { gatewayID: 'gw1' }, f.token);
    expect(db.slaveDeviceInfos.map((s) => s.deviceID)).toEqual([D.asyncDB]);
    await rpc(f.c.cm, 'DeleteSlaveDeviceDB', { gatewayID: 'gw1', deviceIDs: [D.asyncDB] }, f.token);
    expect(
      (await rpc<Slaves>(f.c.cm, 'GetSlaveDeviceDB', { gatewayID: 'gw1' }, f.token))
        .slaveDeviceInfos,
    ).toEqual([]);
    expect(
      (await rpc<Slaves>(f.c.cm, 'GetSlaveDevice', { gatewayID: 'gw1' }, f.token)).slaveDeviceInfos,
    ).toEqual([]);
  });

  it('slave settings need a device of that gateway (connected for SetSlaveDevice) and valid IDs', async () => {
    await expect(
      rpc(
        f.c.cm,
        'SetSlaveDevice',
        {
          gatewayID: 'gw1',
          slaveDeviceInfos: [{ deviceID: D.unmanaged, rs485SlaveDeviceIDs: [1] }],
        },
        f.token,
      ),
    ).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
    await expect(
      rpc(
        f.c.cm,
        'AddSlaveDeviceDB',
        {
          gatewayID: 'gw1',
          slaveDeviceInfos: [{ deviceID: D.gw2Spare, rs485SlaveDeviceIDs: [1] }],
        },
        f.token,
      ),
    ).rejects.toMatchObject({ code: status.NOT_FOUND });
    await expect(
      rpc(
        f.c.cm,
        'SetSlaveDevice',
        { gatewayID: 'gw1', slaveDeviceInfos: [{ deviceID: D.sync, rs485SlaveDeviceIDs: [0] }] },
        f.token,
      ),
    ).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining('slaveDeviceInfos[0].rs485SlaveDeviceIDs[0]'),
    });
    await expect(
      rpc(f.c.cm, 'DeleteSlaveDeviceDB', { gatewayID: 'gw1', deviceIDs: [D.sync] }, f.token),
    ).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
  });
});

describe('SearchDevice and argument checks', () => {
  const f = useFixture();
  type Found = {
    deviceInfos: {
      deviceID: number;
      IPAddr: string;
      connectionMode: number;
      serverAddr: string;
      useSSL: boolean;
    }[];
  };

  it('waits its timeout and returns the devices on the network, managed or not', async () => {
    const t0 = Date.now();
    const res = await rpc<Found>(
      f.c.cm,
      'SearchDevice',
      { gatewayID: 'gw1', timeout: 400 },
      f.token,
    );
    expect(Date.now() - t0).toBeGreaterThanOrEqual(390);
    const ids = res.deviceInfos.map((d) => d.deviceID);
    expect(ids).toContain(D.unmanaged);
    expect(ids).toContain(D.sync);
    expect(ids).not.toContain(D.unreachable);
    expect(ids).not.toContain(D.gw2Spare);
    expect(res.deviceInfos.find((d) => d.deviceID === D.d2sRefused)).toMatchObject({
      connectionMode: 1,
      serverAddr: '10.0.1.254',
    });
    expect(res.deviceInfos.find((d) => d.deviceID === D.sslOnly)?.useSSL).toBe(true);
    f.sim.control.deviceOffline(D.unmanaged);
    const again = await rpc<Found>(
      f.c.cm,
      'SearchDevice',
      { gatewayID: 'gw1', timeout: 10 },
      f.token,
    );
    expect(again.deviceInfos.map((d) => d.deviceID)).not.toContain(D.unmanaged);
  });

  it('a search in flight when the simulator stops answers UNAVAILABLE instead of holding the shutdown', async () => {
    const outcome = rpc(
      f.c.cm,
      'SearchDevice',
      { gatewayID: 'gw1', timeout: 30_000 },
      f.token,
      40_000,
    ).then(
      () => 'answered',
      (err: unknown) => err,
    );
    await new Promise((r) => setTimeout(r, 100));
    await f.sim.stop();
    expect(await outcome).toMatchObject({
      code: status.UNAVAILABLE,
      details: expect.stringContaining('shutting down'),
    });
  });

  it('refuses a timeout over 60000 ms, an offline gateway, and bad Connect arguments naming the field', async () => {
    await expect(
      rpc(f.c.cm, 'SearchDevice', { gatewayID: 'gw1', timeout: 60_001 }, f.token),
    ).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining('timeout'),
    });
    await expect(
      rpc(f.c.cm, 'SearchDevice', { gatewayID: 'gw-off', timeout: 10 }, f.token),
    ).rejects.toMatchObject({ code: status.UNAVAILABLE });
    const connect = (connectInfo: object) =>
      rpc(f.c.cm, 'Connect', { gatewayID: 'gw1', connectInfo }, f.token);
    await expect(connect({ IPAddr: ip(D.unmanaged), port: 70000 })).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining('connectInfo.port'),
    });
    await expect(connect({ IPAddr: 'dev.example', port: 51211 })).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining('connectInfo.IPAddr'),
    });
    await expect(rpc(f.c.cm, 'Connect', { gatewayID: 'gw1' }, f.token)).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
    });
    await expect(
      rpc(
        f.c.cm,
        'AddAsyncConnection',
        { gatewayID: 'gw1', connectInfos: [{ deviceID: 0, IPAddr: '10.0.1.1', port: 51211 }] },
        f.token,
      ),
    ).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining('connectInfos[0].deviceID'),
    });
    await expect(
      rpc(f.c.cm, 'AddAsyncConnection', { gatewayID: 'gw1', connectInfos: [] }, f.token),
    ).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining('connectInfos is empty'),
    });
  });
});

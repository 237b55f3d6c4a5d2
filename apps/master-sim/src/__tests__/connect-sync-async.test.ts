import { status } from '@grpc/grpc-js';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../start-simulator.ts';
import {
  Status,
  clients,
  rpc,
  startTestSim,
  subscribe,
  tempDir,
  tenantToken,
  untilSubscribers,
  type Clients,
  type Subscription,
} from './harness.ts';
import { D, ip, testScenario } from './test-scenario.ts';

interface DeviceInfo {
  deviceID: number;
  status: number;
  autoReconnect: boolean;
  useSSL: boolean;
  type: number;
  IPAddr: string;
  port: number;
}

describe('Connect, async connections and DB variants', () => {
  const dir = tempDir();
  let sim: Simulator;
  let c: Clients;
  let token: string;
  let events: Subscription<{ deviceID: number; status: number; timestamp: number }>;

  beforeEach(async () => {
    sim = await startTestSim(dir.path, { scenario: testScenario(), reconnectDelayMs: 80 });
    c = clients(sim);
    token = await tenantToken(c, sim, 'tenant1');
    events = subscribe(c.cm, token);
    await untilSubscribers(sim, 'device', 1);
  });
  afterEach(async () => {
    events.cancel();
    c.close();
    await sim.stop();
  });
  afterAll(() => dir.remove());

  const list = async (gatewayID = 'gw1') =>
    (await rpc<{ deviceInfos: DeviceInfo[] }>(c.cm, 'GetDeviceList', { gatewayID }, token))
      .deviceInfos;
  const find = async (id: number) => (await list()).find((d) => d.deviceID === id);

  it('the world starts in its steady state: sync/async/DB/accepted device-to-server connected', async () => {
    const devices = await list();
    const byID = new Map(devices.map((d) => [d.deviceID, d]));
    expect(byID.get(D.sync)).toMatchObject({
      status: Status.TCP_CONNECTED,
      autoReconnect: false,
      type: 0x0d,
    });
    expect(byID.get(D.asyncSession)).toMatchObject({
      status: Status.TCP_CONNECTED,
      autoReconnect: true,
    });
    expect(byID.get(D.asyncDB)).toMatchObject({
      status: Status.TCP_CONNECTED,
      autoReconnect: true,
    });
    expect(byID.get(D.d2sAccepted)).toMatchObject({ status: Status.TCP_CONNECTED });
    expect(byID.has(D.unmanaged)).toBe(false);
    expect(byID.has(D.d2sRefused)).toBe(false);
  });

  it('sync Connect finds the device by IP:port and manages it with autoReconnect=false', async () => {
    const res = await rpc<{ deviceID: number }>(
      c.cm,
      'Connect',
      { gatewayID: 'gw1', connectInfo: { IPAddr: ip(D.unmanaged), port: 51211 } },
      token,
    );
    expect(res.deviceID).toBe(D.unmanaged);
    expect(await find(D.unmanaged)).toMatchObject({
      status: Status.TCP_CONNECTED,
      autoReconnect: false,
      IPAddr: ip(D.unmanaged),
      port: 51211,
    });
    const e = await events.waitFor((e) => e.deviceID === D.unmanaged);
    expect(e.status).toBe(Status.TCP_CONNECTED);
    expect(Math.abs(e.timestamp - Date.now() / 1000)).toBeLessThan(5);
  });

  it('sync Connect to an unreachable device fails with a clear error and emits TCP_CANNOT_CONNECT', async () => {
    await expect(
      rpc(
        c.cm,
        'Connect',
        { gatewayID: 'gw1', connectInfo: { IPAddr: ip(D.unreachable), port: 51211 } },
        token,
      ),
    ).rejects.toMatchObject({
      code: status.UNAVAILABLE,
      details: expect.stringContaining(`${ip(D.unreachable)}:51211`),
    });
    expect((await events.waitFor((e) => e.deviceID === D.unreachable)).status).toBe(
      Status.TCP_CANNOT_CONNECT,
    );
    await expect(
      rpc(
        c.cm,
        'Connect',
        { gatewayID: 'gw1', connectInfo: { IPAddr: ip(D.unreachable), port: 51211, useSSL: true } },
        token,
      ),
    ).rejects.toMatchObject({ code: status.UNAVAILABLE });
    await events.waitFor(
      (e) => e.deviceID === D.unreachable && e.status === Status.TLS_CANNOT_CONNECT,
    );
    // Nobody at that address at all.
    await expect(
      rpc(
        c.cm,
        'Connect',
        { gatewayID: 'gw1', connectInfo: { IPAddr: '10.0.1.200', port: 51211 } },
        token,
      ),
    ).rejects.toMatchObject({
      code: status.UNAVAILABLE,
      details: expect.stringContaining('no device answers'),
    });
    expect(await find(D.unreachable)).toBeUndefined();
  });

  it('SSL must match: plain to an SSL device → TCP_NOT_ALLOWED, SSL to a plain one → TLS_CANNOT_CONNECT', async () => {
    await expect(
      rpc(
        c.cm,
        'Connect',
        { gatewayID: 'gw1', connectInfo: { IPAddr: ip(D.sslOnly), port: 51211 } },
        token,
      ),
    ).rejects.toMatchObject({
      code: status.FAILED_PRECONDITION,
      details: expect.stringContaining('requires SSL'),
    });
    await events.waitFor((e) => e.deviceID === D.sslOnly && e.status === Status.TCP_NOT_ALLOWED);
    await expect(
      rpc(
        c.cm,
        'Connect',
        { gatewayID: 'gw1', connectInfo: { IPAddr: ip(D.unmanaged), port: 51211, useSSL: true } },
        token,
      ),
    ).rejects.toMatchObject({
      code: status.FAILED_PRECONDITION,
      details: expect.stringContaining('SSL disabled'),
    });
    await events.waitFor(
      (e) => e.deviceID === D.unmanaged && e.status === Status.TLS_CANNOT_CONNECT,
    );
    const ok = await rpc<{ deviceID: number }>(
      c.cm,
      'Connect',
      { gatewayID: 'gw1', connectInfo: { IPAddr: ip(D.sslOnly), port: 51211, useSSL: true } },
      token,
    );
    expect(ok.deviceID).toBe(D.sslOnly);
    expect(await find(D.sslOnly)).toMatchObject({ status: Status.TLS_CONNECTED, useSSL: true });
  });

  it('an async connection connects in the background and reconnects by itself after a drop', async () => {
    await rpc(
      c.cm,
      'AddAsyncConnection',
      { gatewayID: 'gw1', connectInfos: [{ deviceID: D.spare, IPAddr: ip(D.spare), port: 51211 }] },
      token,
    );
    await events.waitFor((e) => e.deviceID === D.spare && e.status === Status.TCP_CONNECTED);
    expect(await find(D.spare)).toMatchObject({
      autoReconnect: true,
      status: Status.TCP_CONNECTED,
    });

    sim.control.deviceOffline(D.spare);
    const from = events.events.length;
    await events.waitFor((e) => e.deviceID === D.spare && e.status === Status.DISCONNECTED);
    // While it is off the network the gateway keeps retrying and reporting the failure.
    await events.waitFor((e) => e.deviceID === D.spare && e.status === Status.TCP_CANNOT_CONNECT);
    sim.control.deviceOnline(D.spare);
    const back = await events.waitFor(
      (e) =>
        e.deviceID === D.spare &&
        e.status === Status.TCP_CONNECTED &&
        events.events.indexOf(e) > from,
    );
    expect(back).toBeDefined();
  });

  it('an unreachable async registration is retried every reconnectDelayMs', async () => {
    await rpc(
      c.cm,
      'AddAsyncConnection',
      {
        gatewayID: 'gw1',
        connectInfos: [{ deviceID: D.unreachable, IPAddr: ip(D.unreachable), port: 51211 }],
      },
      token,
    );
    await events.waitFor(
      (e) => e.deviceID === D.unreachable && e.status === Status.TCP_CANNOT_CONNECT,
    );
    const failures = () =>
      events.events.filter(
        (e) => e.deviceID === D.unreachable && e.status === Status.TCP_CANNOT_CONNECT,
      );
    await events.waitFor(() => failures().length >= 3);
    expect(failures().length).toBeGreaterThanOrEqual(3);
    expect(await find(D.unreachable)).toMatchObject({
      status: Status.TCP_CANNOT_CONNECT,
      autoReconnect: true,
    });
  });

  it('an async registration for an ID no device has stays listed and failing; DeleteAsyncConnection removes it', async () => {
    await rpc(
      c.cm,
      'AddAsyncConnection',
      { gatewayID: 'gw1', connectInfos: [{ deviceID: 999, IPAddr: '10.0.1.99', port: 51211 }] },
      token,
    );
    await events.waitFor((e) => e.deviceID === 999 && e.status === Status.TCP_CANNOT_CONNECT);
    expect(await find(999)).toMatchObject({
      IPAddr: '10.0.1.99',
      status: Status.TCP_CANNOT_CONNECT,
    });
    await rpc(c.cm, 'DeleteAsyncConnection', { gatewayID: 'gw1', deviceIDs: [999] }, token);
    expect(await find(999)).toBeUndefined();
    await expect(
      rpc(c.cm, 'DeleteAsyncConnection', { gatewayID: 'gw1', deviceIDs: [999] }, token),
    ).rejects.toMatchObject({ code: status.NOT_FOUND });
  });

  it('DeleteAsyncConnection disconnects first and the device leaves the list', async () => {
    await rpc(
      c.cm,
      'DeleteAsyncConnection',
      { gatewayID: 'gw1', deviceIDs: [D.asyncSession] },
      token,
    );
    await events.waitFor((e) => e.deviceID === D.asyncSession && e.status === Status.DISCONNECTED);
    expect(await find(D.asyncSession)).toBeUndefined();
  });

  it('gateway offline→online: session async and filter are lost, DB ones re-applied', async () => {
    await rpc(
      c.cm,
      'AddAsyncConnectionDB',
      { gatewayID: 'gw1', connectInfos: [{ deviceID: D.spare, IPAddr: ip(D.spare), port: 51211 }] },
      token,
    );
    await rpc(
      c.cm,
      'SetAcceptFilterDB',
      { gatewayID: 'gw1', filter: { deviceIDs: [D.d2sRefused] } },
      token,
    );
    await rpc(c.cm, 'SetAcceptFilter', { gatewayID: 'gw1', filter: { allowAll: true } }, token);
    const db = await rpc<{ connectInfos: { deviceID: number }[] }>(
      c.cm,
      'GetAsyncConnectionDB',
      { gatewayID: 'gw1' },
      token,
    );
    expect(db.connectInfos.map((i) => i.deviceID).sort()).toEqual([D.asyncDB, D.spare]);

    sim.control.gatewayOffline('gw1');
    await expect(list()).rejects.toMatchObject({
      code: status.UNAVAILABLE,
      details: expect.stringContaining('gw1'),
    });
    await events.waitFor((e) => e.deviceID === D.asyncSession && e.status === Status.DISCONNECTED);
    sim.control.gatewayOnline('gw1');

    const after = new Map((await list()).map((d) => [d.deviceID, d]));
    expect(after.get(D.asyncDB)?.status).toBe(Status.TCP_CONNECTED);
    expect(after.get(D.spare)?.status).toBe(Status.TCP_CONNECTED);
    expect(after.has(D.asyncSession)).toBe(false); // session registration lost
    expect(after.has(D.sync)).toBe(false); // sync connections do not come back
    // The DB filter (not the session allowAll) is in force again: 107 accepted, 106 now refused.
    const filter = await rpc<{ filter: { allowAll: boolean; deviceIDs: number[] } }>(
      c.cm,
      'GetAcceptFilter',
      { gatewayID: 'gw1' },
      token,
    );
    expect(filter.filter).toMatchObject({ allowAll: false, deviceIDs: [D.d2sRefused] });
    expect(after.get(D.d2sRefused)?.status).toBe(Status.TCP_CONNECTED);
    expect(after.has(D.d2sAccepted)).toBe(false);
    const pending = await rpc<{ deviceInfos: { deviceID: number }[] }>(
      c.cm,
      'GetPendingList',
      { gatewayID: 'gw1' },
      token,
    );
    expect(pending.deviceInfos.map((p) => p.deviceID)).toEqual([D.d2sAccepted]);
  });

  it('DeleteAsyncConnectionDB removes the stored registration and disconnects it', async () => {
    await rpc(c.cm, 'DeleteAsyncConnectionDB', { gatewayID: 'gw1', deviceIDs: [D.asyncDB] }, token);
    await events.waitFor((e) => e.deviceID === D.asyncDB && e.status === Status.DISCONNECTED);
    const db = await rpc<{ connectInfos: unknown[] }>(
      c.cm,
      'GetAsyncConnectionDB',
      { gatewayID: 'gw1' },
      token,
    );
    expect(db.connectInfos).toEqual([]);
    await expect(
      rpc(c.cm, 'DeleteAsyncConnectionDB', { gatewayID: 'gw1', deviceIDs: [D.asyncDB] }, token),
    ).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
  });

  it('an async registration for a device of another gateway is refused', async () => {
    await expect(
      rpc(
        c.cm,
        'AddAsyncConnection',
        {
          gatewayID: 'gw1',
          connectInfos: [{ deviceID: D.gw2Spare, IPAddr: ip(D.gw2Spare), port: 51211 }],
        },
        token,
      ),
    ).rejects.toMatchObject({
      code: status.FAILED_PRECONDITION,
      details: expect.stringContaining('gw2'),
    });
  });
});

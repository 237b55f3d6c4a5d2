import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { Status, rpc } from './harness.ts';
import { useFixture, type Fixture } from './sim-fixture.ts';
import { D } from './test-scenario.ts';

type Pending = { deviceID: number; type: number; IPAddr: string; lastTry: number };
const pendingOf = (f: Fixture) => async () =>
  (await rpc<{ deviceInfos: Pending[] }>(f.c.cm, 'GetPendingList', { gatewayID: 'gw1' }, f.token))
    .deviceInfos;

// A long redial delay, so no background redial races the explicit dial-ins of these tests.
describe('accept filter, pending list and dial-in', () => {
  const f = useFixture({ reconnectDelayMs: 60_000 });
  const pending = pendingOf(f);

  it('a refused dial-in lands in the pending list with lastTry', async () => {
    const list = await pending();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ deviceID: D.d2sRefused, IPAddr: '10.0.1.7', type: 0x0c });
    expect(Math.abs(list[0]!.lastTry - Date.now() / 1000)).toBeLessThan(5);
    expect(f.sim.control.dialIn(D.d2sRefused).result).toBe('refused');
    await f.events.waitFor(
      (e) => e.deviceID === D.d2sRefused && e.status === Status.TCP_NOT_ALLOWED,
    );
  });

  it('SetAcceptFilter with its ID lets the next dial-in through; IPAddrs/subnetMasks are stored, not enforced', async () => {
    await rpc(
      f.c.cm,
      'SetAcceptFilter',
      {
        gatewayID: 'gw1',
        filter: {
          deviceIDs: [D.d2sAccepted, D.d2sRefused],
          IPAddrs: ['10.9.9.9'],
          subnetMasks: ['255.255.255.0'],
        },
      },
      f.token,
    );
    const got = await rpc<{ filter: object }>(
      f.c.cm,
      'GetAcceptFilter',
      { gatewayID: 'gw1' },
      f.token,
    );
    expect(got.filter).toEqual({
      allowAll: false,
      deviceIDs: [D.d2sAccepted, D.d2sRefused],
      IPAddrs: ['10.9.9.9'],
      subnetMasks: ['255.255.255.0'],
    });
    const res = await fetch(`${f.sim.controlUrl}/devices/${D.d2sRefused}/dial-in`, {
      method: 'POST',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      result: 'accepted',
      device: { managed: true, kind: 'device-to-server', status: Status.TCP_CONNECTED },
    });
    expect(await pending()).toEqual([]);
    expect((await f.list()).find((d) => d.deviceID === D.d2sRefused)).toMatchObject({
      status: Status.TCP_CONNECTED,
      connectionMode: 1,
    });
  });

  it('allowAll accepts everyone; the default (no filter) accepts nobody', async () => {
    await rpc(f.c.cm, 'SetAcceptFilter', { gatewayID: 'gw1', filter: { allowAll: true } }, f.token);
    expect(f.sim.control.dialIn(D.d2sRefused).result).toBe('accepted');
    // The filter was a session one: after the gateway reconnects the default accepts nobody.
    f.sim.control.gatewayOffline('gw1');
    f.sim.control.gatewayOnline('gw1');
    const filter = await rpc<{ filter: object }>(
      f.c.cm,
      'GetAcceptFilter',
      { gatewayID: 'gw1' },
      f.token,
    );
    expect(filter.filter).toEqual({ allowAll: false, deviceIDs: [], IPAddrs: [], subnetMasks: [] });
    expect((await pending()).map((p) => p.deviceID).sort()).toEqual([D.d2sAccepted, D.d2sRefused]);
  });

  it('a bad filter is refused naming the field', async () => {
    await expect(
      rpc(
        f.c.cm,
        'SetAcceptFilter',
        { gatewayID: 'gw1', filter: { IPAddrs: ['10.0.0.300'] } },
        f.token,
      ),
    ).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining('filter.IPAddrs[0]'),
    });
    await expect(
      rpc(f.c.cm, 'SetAcceptFilter', { gatewayID: 'gw1' }, f.token),
    ).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining('filter is required'),
    });
  });

  it('Disconnect checks tenancy and existence for every ID before changing anything', async () => {
    await expect(
      rpc(f.c.cm, 'Disconnect', { deviceIDs: [D.sync, D.gw2Async] }, f.token),
    ).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
    await expect(
      rpc(f.c.cm, 'Disconnect', { deviceIDs: [D.sync, 424242] }, f.token),
    ).rejects.toMatchObject({ code: status.NOT_FOUND });
    expect((await f.list()).find((d) => d.deviceID === D.sync)?.status).toBe(Status.TCP_CONNECTED);
    await expect(rpc(f.c.cm, 'Disconnect', { deviceIDs: [] }, f.token)).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining('deviceIDs'),
    });
    const tooMany = Array.from({ length: 1001 }, (_, i) => i + 1);
    await expect(rpc(f.c.cm, 'Disconnect', { deviceIDs: tooMany }, f.token)).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining('at most 1000'),
    });
  });
});

describe('disconnect kinds (short reconnect delay)', () => {
  const f = useFixture({ reconnectDelayMs: 80 });
  const pending = pendingOf(f);

  it('a refused device-to-server device keeps redialing every reconnectDelayMs', async () => {
    await f.events.waitFor(
      (e) => e.deviceID === D.d2sRefused && e.status === Status.TCP_NOT_ALLOWED,
    );
  });

  it('Disconnect: a sync device leaves the list and is not retried', async () => {
    await rpc(f.c.cm, 'Disconnect', { deviceIDs: [D.sync] }, f.token);
    await f.events.waitFor((e) => e.deviceID === D.sync && e.status === Status.DISCONNECTED);
    await new Promise((r) => setTimeout(r, 250));
    expect((await f.list()).find((d) => d.deviceID === D.sync)).toBeUndefined();
    expect(f.events.events.filter((e) => e.deviceID === D.sync).map((e) => e.status)).toEqual([
      Status.DISCONNECTED,
    ]);
  });

  it('Disconnect: an async device is retried after the delay', async () => {
    const t0 = Date.now();
    await rpc(f.c.cm, 'Disconnect', { deviceIDs: [D.asyncSession] }, f.token);
    await f.events.waitFor(
      (e) => e.deviceID === D.asyncSession && e.status === Status.DISCONNECTED,
    );
    await f.events.waitFor(
      (e) => e.deviceID === D.asyncSession && e.status === Status.TCP_CONNECTED,
    );
    expect(Date.now() - t0).toBeGreaterThanOrEqual(70);
  });

  it('Disconnect: a device-to-server device redials, and is refused once removed from the filter', async () => {
    await rpc(f.c.cm, 'Disconnect', { deviceIDs: [D.d2sAccepted] }, f.token);
    await f.events.waitFor((e) => e.deviceID === D.d2sAccepted && e.status === Status.DISCONNECTED);
    await f.events.waitFor(
      (e) => e.deviceID === D.d2sAccepted && e.status === Status.TCP_CONNECTED,
    );

    await rpc(f.c.cm, 'SetAcceptFilter', { gatewayID: 'gw1', filter: { deviceIDs: [] } }, f.token);
    await rpc(f.c.cm, 'Disconnect', { deviceIDs: [D.d2sAccepted] }, f.token);
    await f.events.waitFor(
      (e) => e.deviceID === D.d2sAccepted && e.status === Status.TCP_NOT_ALLOWED,
    );
    expect((await pending()).map((p) => p.deviceID)).toContain(D.d2sAccepted);
  });

  it('DisconnectAll drops every managed device of the gateway', async () => {
    await rpc(f.c.cm, 'DisconnectAll', { gatewayID: 'gw1' }, f.token);
    for (const id of [D.sync, D.asyncSession, D.asyncDB, D.d2sAccepted])
      await f.events.waitFor((e) => e.deviceID === id && e.status === Status.DISCONNECTED);
    expect((await f.list()).find((d) => d.deviceID === D.sync)).toBeUndefined();
  });
});

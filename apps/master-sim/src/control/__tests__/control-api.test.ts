import { describe, expect, it } from 'vitest';
import { Status } from '../../__tests__/harness.ts';
import { useFixture } from '../../__tests__/sim-fixture.ts';
import { D } from '../../__tests__/test-scenario.ts';

describe('HTTP control API', () => {
  const f = useFixture({ reconnectDelayMs: 60_000 });
  const call = async (method: string, path: string, body?: string) => {
    const res = await fetch(`${f.sim.controlUrl}${path}`, {
      method,
      ...(body !== undefined ? { body, headers: { 'content-type': 'application/json' } } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('GET /healthz and GET /state give the true state in the documented shape', async () => {
    expect(await call('GET', '/healthz')).toEqual({ status: 200, body: { ok: true } });
    const { body } = await call('GET', '/state');
    const state = body as unknown as {
      gateways: { gatewayID: string; tenantID: string; connected: boolean; deviceIDs: number[] }[];
      devices: Record<string, unknown>[];
      acceptFilters: Record<string, { session: unknown; db: unknown }>;
      pending: Record<string, { deviceID: number }[]>;
      asyncConnections: Record<
        string,
        { session: { deviceID: number }[]; db: { deviceID: number }[] }
      >;
    };
    expect(state.gateways.find((g) => g.gatewayID === 'gw-off')).toMatchObject({
      connected: false,
      tenantID: 'tenant1',
    });
    expect(state.gateways.find((g) => g.gatewayID === 'gw1')!.deviceIDs).toContain(D.unmanaged);
    expect(state.devices.find((d) => d.deviceID === D.sync)).toEqual({
      deviceID: D.sync,
      gatewayID: 'gw1',
      type: 0x0d,
      IPAddr: '10.0.1.8',
      port: 51211,
      connectionMode: 0,
      useSSL: false,
      reachable: true,
      online: true,
      flaky: false,
      status: Status.TCP_CONNECTED,
      managed: true,
      kind: 'sync',
      autoReconnect: false,
    });
    expect(state.devices.find((d) => d.deviceID === D.d2sAccepted)).toMatchObject({
      kind: 'device-to-server',
      connectionMode: 1,
    });
    expect(state.acceptFilters.gw1).toEqual({
      session: { allowAll: false, deviceIDs: [D.d2sAccepted], IPAddrs: [], subnetMasks: [] },
      db: null,
    });
    expect(state.pending.gw1!.map((p) => p.deviceID)).toEqual([D.d2sRefused]);
    expect(state.asyncConnections.gw1!.session.map((a) => a.deviceID)).toEqual([D.asyncSession]);
    expect(state.asyncConnections.gw1!.db.map((a) => a.deviceID)).toEqual([D.asyncDB]);
  });

  it('device offline / online (?now=1) and gateway offline / online', async () => {
    let r = await call('POST', `/devices/${D.asyncSession}/offline`);
    expect(r).toMatchObject({
      status: 200,
      body: { online: false, status: Status.DISCONNECTED, managed: true },
    });
    r = await call('POST', `/devices/${D.asyncSession}/online?now=1`);
    expect(r).toMatchObject({ status: 200, body: { online: true, status: Status.TCP_CONNECTED } });
    r = await call('POST', '/gateways/gw1/offline');
    expect(r).toMatchObject({ status: 200, body: { gatewayID: 'gw1', connected: false } });
    expect((await call('GET', `/devices/${D.asyncDB}`)).body).toMatchObject({
      status: Status.DISCONNECTED,
    });
    r = await call('POST', '/gateways/gw1/online');
    expect(r).toMatchObject({ status: 200, body: { connected: true } });
    expect((await call('GET', `/devices/${D.asyncDB}`)).body).toMatchObject({
      status: Status.TCP_CONNECTED,
    });
  });

  it('dial-in: refused → pending; not a device-to-server device → 409', async () => {
    expect(await call('POST', `/devices/${D.d2sRefused}/dial-in`)).toMatchObject({
      status: 200,
      body: { result: 'refused' },
    });
    const r = await call('POST', `/devices/${D.unmanaged}/dial-in`);
    expect(r.status).toBe(409);
    expect(r.body.error).toMatch(/SERVER_TO_DEVICE/);
  });

  it('errors: unknown device/gateway → 404, bad id or body → 400, unknown path → 404, wrong method → 405', async () => {
    expect(await call('POST', '/devices/4242/offline')).toMatchObject({
      status: 404,
      body: { error: expect.stringContaining('4242') },
    });
    expect(await call('POST', '/gateways/nope/online')).toMatchObject({
      status: 404,
      body: { error: expect.stringContaining('nope') },
    });
    expect(await call('POST', '/devices/abc/offline')).toMatchObject({
      status: 400,
      body: { error: expect.stringContaining('abc') },
    });
    expect(await call('POST', '/churn', '{not json')).toMatchObject({
      status: 400,
      body: { error: expect.stringContaining('JSON') },
    });
    expect(await call('POST', '/churn', '{"changesPerSecond": -3}')).toMatchObject({
      status: 400,
      body: { error: expect.stringContaining('changesPerSecond') },
    });
    expect(await call('POST', '/churn', '{}')).toMatchObject({ status: 400 });
    expect(await call('GET', '/nothing')).toMatchObject({ status: 404 });
    expect(await call('GET', '/churn')).toMatchObject({ status: 405 });
  });

  it('POST /churn flaps managed devices at the requested rate and 0 stops it', async () => {
    const seen: number[] = [];
    const off = f.sim.onEmit((e) => seen.push(e.emittedAt));
    const t0 = performance.now();
    expect(await call('POST', '/churn', '{"changesPerSecond": 2000}')).toEqual({
      status: 200,
      body: { changesPerSecond: 2000 },
    });
    await new Promise((r) => setTimeout(r, 1000));
    off();
    const expected = (2000 * (performance.now() - t0)) / 1000;
    expect(await call('POST', '/churn', '{"changesPerSecond": 0}')).toMatchObject({ status: 200 });
    // Generous bounds against the measured window (timers on a busy 2-core machine); the bench
    // measures the rate precisely.
    expect(seen.length).toBeGreaterThan(0.75 * expected);
    expect(seen.length).toBeLessThan(1.1 * expected);
    expect(seen.every((t, i) => i === 0 || t >= seen[i - 1]!)).toBe(true);
    // Stopped means stopped: nothing flaps any more (no flaky devices, long reconnect delay here).
    const later: number[] = [];
    const offLater = f.sim.onEmit((e) => later.push(e.deviceID));
    await new Promise((r) => setTimeout(r, 150));
    offLater();
    expect(later).toEqual([]);
    // Stopping restores what churn dropped.
    const state = f.sim.control.state();
    const managed = state.devices.filter((d) => d.managed && d.online && d.reachable);
    expect(
      managed.every((d) => d.status === Status.TCP_CONNECTED || d.status === Status.TLS_CONNECTED),
    ).toBe(true);
  });
});

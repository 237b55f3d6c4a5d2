// Live status over socket.io against the real simulator and a real BFF, both on port 0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  startLiveWorld,
  trueView,
  type LiveClient,
  type LiveWorld,
} from './live-world.ts';
import { DeviceStatus } from '@cmc/gsdk/names';

let world: LiveWorld;

beforeAll(async () => {
  world = await startLiveWorld();
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

const TENANT1 = ['gateway1', 'gateway2'];
const ALL = ['gateway1', 'gateway2', 'gateway3'];

async function expectEqualsTrueState(client: LiveClient, gatewayIDs: string[]): Promise<void> {
  await eventually(async () => {
    const state = await world.simState();
    expect(client.view()).toEqual(trueView(state, gatewayIDs));
    for (const gw of state.gateways.filter((g) => gatewayIDs.includes(g.gatewayID))) {
      expect(client.gateways.get(gw.gatewayID)?.connected).toBe(gw.connected);
    }
  });
}

describe('live status: authentication and joins', () => {
  it('refuses a connection without a session cookie or with a made-up one', async () => {
    for (const cookie of [undefined, 'cmc_session=made-up-session-id']) {
      const client = world.client(cookie);
      const error = await client.connected().then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.message).toBe('unauthorized');
    }
  });

  it('refuses a handshake from a page of another origin, even with a valid cookie', async () => {
    const foreign = world.client(world.cookies.admin, { Origin: 'http://evil.example' });
    await expect(foreign.connected()).rejects.toThrow('forbidden origin');
    const own = world.client(world.cookies.admin, { Origin: world.url });
    await own.connected();
    expect(await own.join(['gateway1'])).toMatchObject({ ok: true });
  });

  it('refuses a handshake whose auth.deltas is not a boolean, naming the field', async () => {
    const bad = world.client(world.cookies.admin, {}, { deltas: 'yes' });
    await expect(bad.connected()).rejects.toThrow(
      'bad handshake: deltas: auth.deltas must be true or false',
    );
  });

  it('limits how fast one connection may join', async () => {
    const client = world.client(world.cookies.tenant1);
    const acks = [];
    for (let i = 0; i < 25; i++) acks.push(await client.join(['gateway1']));
    expect(acks.slice(0, 20).every((a) => a.ok)).toBe(true);
    expect(acks.at(-1)).toMatchObject({ ok: false, error: 'rate_limited' });
  });

  it("refuses a tenant user's join of another tenant's gateway, naming it, and joins nothing", async () => {
    const client = world.client(world.cookies.tenant1);
    const ack = await client.join(['gateway1', 'gateway3']);
    expect(ack).toEqual({
      ok: false,
      error: 'forbidden',
      message: expect.stringContaining('gateway3'),
      gatewayID: 'gateway3',
    });
    expect(client.snapshots).toHaveLength(0);
    await world.control('POST', '/devices/1031/offline');
    await world.control('POST', '/devices/1031/online?now=1');
    await new Promise((r) => setTimeout(r, 100));
    expect(client.deltas).toHaveLength(0);
  });

  it("gives a tenant user's join of 'all' its own gateways only, equal to the simulator's state", async () => {
    const client = world.client(world.cookies.tenant1);
    expect(await client.join('all')).toEqual({ ok: true, gatewayIDs: TENANT1 });
    const snapshot = client.snapshots[0];
    expect(snapshot?.gateways.map((g) => g.gatewayID)).toEqual(TENANT1);
    expect(snapshot?.mode).toBe('live');
    expect(snapshot?.devices.every((d) => TENANT1.includes(d.gatewayID))).toBe(true);
    await expectEqualsTrueState(client, TENANT1);
    expect(snapshot?.devices.find((d) => d.deviceID === 1011)).toMatchObject({
      gatewayID: 'gateway1',
      type: 'BIOSTATION_L2',
      IPAddr: '192.168.10.11',
      port: 51211,
    });
  });

  it('stops delivering a gateway after leave', async () => {
    const client = world.client(world.cookies.tenant1);
    const watcher = world.client(world.cookies.tenant1);
    expect(await client.join(['gateway1', 'gateway2'])).toEqual({
      ok: true,
      gatewayIDs: ['gateway1', 'gateway2'],
    });
    await watcher.join(['gateway2']);
    expect(
      await client.socket.timeout(5000).emitWithAck('leave', { gatewayIDs: ['gateway2'] }),
    ).toEqual({ ok: true, gatewayIDs: ['gateway1'] });
    await world.control('POST', '/devices/1022/offline');
    await eventually(() => expect(watcher.view()[1022]).toBe(0));
    await world.control('POST', '/devices/1022/online?now=1');
    await eventually(() => expect(watcher.view()[1022]).toBeGreaterThan(0));
    expect(client.deltas.filter((d) => d.gatewayID === 'gateway2')).toEqual([]);
    expect(
      await client.socket.timeout(5000).emitWithAck('leave', { gatewayIDs: 'nope' } as never),
    ).toMatchObject({ ok: false, error: 'bad_request' });
  });

  it('answers a malformed join with bad_request naming the field, and an unknown gateway with not_found for an admin', async () => {
    const client = world.client(world.cookies.admin);
    await client.connected();
    const bad = await client.socket
      .timeout(5000)
      .emitWithAck('join', { gatewayIDs: 'some' } as never);
    expect(bad).toMatchObject({
      ok: false,
      error: 'bad_request',
      message: expect.stringContaining('gatewayIDs'),
    });
    const badID = await client.join(['gate way']);
    expect(badID).toMatchObject({
      ok: false,
      error: 'bad_request',
      message: expect.stringContaining('gatewayIDs.0'),
    });
    expect(await client.join(['no-such-gateway'])).toEqual({
      ok: false,
      error: 'not_found',
      message: expect.stringContaining('no-such-gateway'),
      gatewayID: 'no-such-gateway',
    });
    // A join without an ack callback still learns why it was refused.
    const problem = new Promise((resolve) => client.socket.once('problem', resolve));
    client.socket.emit('join', { gatewayIDs: [] });
    expect(await problem).toMatchObject({ event: 'join', error: 'bad_request' });
  });
});

describe('live status: light snapshots (auth.snapshot "gateways")', () => {
  it('refuses a handshake whose auth.snapshot is not "full" or "gateways", naming the field', async () => {
    const bad = world.client(world.cookies.admin, {}, { snapshot: 'light' });
    await expect(bad.connected()).rejects.toThrow(
      'bad handshake: snapshot: auth.snapshot must be "full" or "gateways"',
    );
  });

  it('answers a join with gateway states and no device rows; a page read after the join plus the deltas since loses no change', async () => {
    const light = world.client(world.cookies.tenant1, {}, { deltas: true, snapshot: 'gateways' });
    const full = world.client(world.cookies.tenant1, {}, { deltas: true });
    expect(await light.join(TENANT1)).toEqual({ ok: true, gatewayIDs: TENANT1 });
    await full.join(TENANT1);
    const snapshot = light.snapshots[0];
    expect(snapshot?.devices).toEqual([]);
    expect(snapshot?.gateways).toEqual(full.snapshots[0]?.gateways);
    expect(snapshot?.mode).toBe('live');

    // A change after the join and before the page read: the page or a delta must carry it.
    await world.control('POST', '/devices/1021/offline');
    const from = light.deltas.length;
    const res = await fetch(`${world.url}/api/v1/devices?pageSize=1000`, {
      headers: { cookie: world.cookies.tenant1 },
    });
    const page = (await res.json()) as {
      items: Array<{ deviceID: number; gatewayID: string; status: keyof typeof DeviceStatus }>;
    };
    for (const row of page.items)
      light.devices.set(row.deviceID, {
        gatewayID: row.gatewayID,
        status: DeviceStatus[row.status],
      });
    // Deltas that arrived while the page was read are replayed onto it (statuses are absolute).
    for (const d of light.deltas.slice(from))
      for (const c of d.changes)
        light.devices.set(c.deviceID, { gatewayID: c.gatewayID, status: DeviceStatus[c.status] });
    await world.control('POST', '/devices/1021/online?now=1');
    await expectEqualsTrueState(light, TENANT1);
    expect(light.gaps).toEqual([]);
    expect(light.view()[1021]).toBeGreaterThan(0);
  });
});

describe('live status: fan-out', () => {
  it('opens one device stream per tenant and one gateway stream, however many clients join', async () => {
    const clients = [
      world.client(world.cookies.admin),
      world.client(world.cookies.tenant1),
      world.client(world.cookies.tenant2),
    ];
    await Promise.all(clients.map((c) => c.join('all')));
    const streams = world.sim.control.streams();
    expect(streams.device).toHaveLength(2);
    expect(streams.gateway).toHaveLength(1);
  });

  it('delivers the same changes, in the same deltas, to a batched and a per-gateway client', async () => {
    const admin = world.client(world.cookies.admin, {}, { deltas: true });
    const viewer = world.client(world.cookies.tenant1);
    await admin.join('all');
    await viewer.join(['gateway1']);
    const from = viewer.gateways.get('gateway1')?.seq ?? 0;

    await world.control('POST', '/devices/1011/offline');
    await eventually(() => {
      expect(viewer.view()[1011]).toBe(0);
      expect(admin.view()[1011]).toBe(0);
    });
    await world.control('POST', '/devices/1011/online?now=1');
    const connected = (await world.simState()).devices.find((d) => d.deviceID === 1011)?.status;
    expect(connected).toBeGreaterThan(0);
    await eventually(() => {
      expect(viewer.view()[1011]).toBe(connected);
      expect(admin.view()[1011]).toBe(connected);
    });

    const ofGateway1 = (c: LiveClient) =>
      c.deltas.filter((d) => d.gatewayID === 'gateway1' && d.seq > from);
    expect(ofGateway1(viewer).length).toBeGreaterThanOrEqual(1);
    expect(ofGateway1(viewer)).toEqual(ofGateway1(admin));
    expect(ofGateway1(viewer).flatMap((d) => d.changes.map((c) => [c.deviceID, c.status]))).toEqual(
      [
        [1011, 'DISCONNECTED'],
        [1011, expect.stringMatching(/^(TCP|TLS)_CONNECTED$/)],
      ],
    );
    // The viewer joined gateway1 only: nothing of gateway2 or gateway3 reaches it.
    expect(viewer.deltas.every((d) => d.gatewayID === 'gateway1')).toBe(true);
    expect([...viewer.gaps, ...admin.gaps]).toEqual([]);
    // Each got its own protocol: `deltas` for the one that opted in, `delta` for the other.
    expect(admin.frames).toMatchObject({ delta: 0 });
    expect(admin.frames.deltas).toBeGreaterThanOrEqual(2);
    expect(viewer.frames).toMatchObject({ deltas: 0 });
    expect(viewer.frames.delta).toBe(viewer.deltas.length);
  });

  it('gives a reconnecting client a fresh snapshot with what changed while it was away, and keeps history', async () => {
    const first = world.client(world.cookies.tenant1);
    await first.join(['gateway1']);
    expect(first.view()[1012]).toBeGreaterThan(0);
    first.close();

    await world.control('POST', '/devices/1012/offline');
    await eventually(async () =>
      expect((await world.simState()).devices.find((d) => d.deviceID === 1012)?.status).toBe(0),
    );

    const again = world.client(world.cookies.tenant1);
    await again.join(['gateway1']);
    await expectEqualsTrueState(again, ['gateway1']);
    expect(again.snapshots[0]?.devices.find((d) => d.deviceID === 1012)).toMatchObject({
      status: 'DISCONNECTED',
      type: expect.stringMatching(/^[A-Z0-9_]+$/),
      connectionMode: expect.stringMatching(/^(SERVER_TO_DEVICE|DEVICE_TO_SERVER)$/),
    });

    // The same change reached connection history (HTTP, same session cookie).
    const history = await eventually(async () => {
      const res = await fetch(`${world.url}/api/v1/devices/1012/history?limit=5`, {
        headers: { cookie: world.cookies.tenant1 },
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        items: Array<{ statusName: string }>;
        facts: { lastDisconnectedAt: string | null };
      };
      expect(body.items[0]?.statusName).toBe('DISCONNECTED');
      return body;
    });
    expect(history.facts.lastDisconnectedAt).not.toBeNull();
    await world.control('POST', '/devices/1012/online?now=1');
  });

  it('tells clients when a gateway leaves the master and what became of its devices', async () => {
    const client = world.client(world.cookies.tenant1);
    await client.join(['gateway2']);
    await expectEqualsTrueState(client, ['gateway2']);
    const onGateway2 = () => [...client.devices].filter(([, d]) => d.gatewayID === 'gateway2');
    const before = onGateway2()
      .map(([id]) => id)
      .sort();
    await world.control('POST', '/gateways/gateway2/offline');
    await eventually(() => expect(client.gateways.get('gateway2')?.connected).toBe(false));
    // The master lists nothing for it now; clients keep its devices, none connected, so pages
    // can show them as "gateway offline" instead of losing them.
    await eventually(() => {
      const kept = onGateway2();
      expect(kept.map(([id]) => id).sort()).toEqual(before);
      expect(kept.every(([, d]) => d.status === 0)).toBe(true);
    });
    await world.control('POST', '/gateways/gateway2/online');
    await eventually(() => expect(client.gateways.get('gateway2')?.connected).toBe(true));
    await expectEqualsTrueState(client, ['gateway2']);
    expect(client.gaps).toEqual([]);
  });
});

describe('live status: under churn', () => {
  it('keeps every client equal to the true state through a burst of changes, without gaps', async () => {
    const admin = world.client(world.cookies.admin, {}, { deltas: true });
    const viewer = world.client(world.cookies.tenant1);
    await admin.join('all');
    await viewer.join('all');
    await world.control('POST', '/churn', { changesPerSecond: 400 });
    await new Promise((r) => setTimeout(r, 1000));
    await world.control('POST', '/churn', { changesPerSecond: 0 });
    const changes = admin.deltas.reduce((n, d) => n + d.changes.length, 0);
    expect(changes).toBeGreaterThan(50);
    await expectEqualsTrueState(admin, ALL);
    await expectEqualsTrueState(viewer, TENANT1);
    expect([...admin.gaps, ...viewer.gaps]).toEqual([]);
    // Batched: far fewer deltas than changes, and the batched client gets the deltas of several
    // gateways per frame.
    expect(admin.deltas.length).toBeLessThan(changes);
    expect(admin.frames.delta).toBe(0);
    expect(admin.frames.deltas).toBeLessThan(admin.deltas.length);
  });
});

describe('live status: stream breaks', () => {
  it('POST /streams/break: clients see degraded, then live again', async () => {
    const admin = world.client(world.cookies.admin);
    const viewer = world.client(world.cookies.tenant2);
    await admin.join('all');
    await viewer.join('all');
    await world.control('POST', '/streams/break');
    await eventually(() => {
      for (const c of [admin, viewer]) {
        const seen = c.modes.map((m) => m.mode);
        expect(seen).toContain('degraded');
        expect(seen.lastIndexOf('live')).toBeGreaterThan(seen.indexOf('degraded'));
        expect([...c.gateways.values()].every((g) => g.mode === 'live')).toBe(true);
      }
    });
    // A tenant user is never told about another tenant's gateways, not even in mode events.
    expect(viewer.modes.flatMap((m) => m.gatewayIDs).every((id) => id === 'gateway3')).toBe(true);
    expect(world.bff.live.state().mode).toBe('live');
  });

  it('reconciles what changed while the stream was down: every client ends equal to GET /state', async () => {
    const admin = world.client(world.cookies.admin);
    const viewer = world.client(world.cookies.tenant1);
    await admin.join('all');
    await viewer.join('all');
    // One connected device on each tenant's gateways (churn earlier may have left others down).
    const before = await world.simState();
    const pick = (gatewayID: string) =>
      before.devices.find((d) => d.gatewayID === gatewayID && d.managed && d.status > 0)?.deviceID;
    const victims = [pick('gateway1'), pick('gateway3')];
    expect(victims.every((id) => id !== undefined)).toBe(true);
    const [t1Device, t2Device] = victims as [number, number];

    // Break and change the true state in the same tick, so the changes happen while no stream is
    // open (the client resubscribes after a backoff) and only reconciliation can find them.
    world.sim.control.breakStreams();
    world.sim.control.deviceOffline(t1Device);
    world.sim.control.deviceOffline(t2Device);

    await eventually(() => {
      for (const c of [admin, viewer]) {
        expect(c.modes.some((m) => m.mode === 'degraded')).toBe(true);
        expect([...c.gateways.values()].every((g) => g.mode === 'live')).toBe(true);
      }
    });
    await expectEqualsTrueState(admin, ALL);
    await expectEqualsTrueState(viewer, TENANT1);
    expect(admin.view()[t1Device]).toBe(0);
    expect(viewer.view()[t1Device]).toBe(0);
    expect(admin.view()[t2Device]).toBe(0);
    expect([...admin.gaps, ...viewer.gaps]).toEqual([]);

    for (const id of victims as number[]) world.sim.control.deviceOnline(id, { now: true });
    await expectEqualsTrueState(admin, ALL);
  });
});

describe('live status: master restart', () => {
  it('goes degraded while the master is down and, once it is back, equals its (fresh) state', async () => {
    const admin = world.client(world.cookies.admin);
    await admin.join('all');
    // Something the restarted master will not remember: a device dropped before the restart comes back connected.
    await world.control('POST', '/devices/1012/offline');
    await eventually(() => expect(admin.view()[1012]).toBe(0));

    await world.stopSim();
    await eventually(() =>
      expect([...admin.gateways.values()].every((g) => g.mode === 'degraded')).toBe(true),
    );
    expect(world.bff.live.state().mode).toBe('degraded');

    await world.restartSim();
    await eventually(
      () => expect([...admin.gateways.values()].every((g) => g.mode === 'live')).toBe(true),
      20_000,
    );
    await expectEqualsTrueState(admin, ALL);
    expect(admin.view()[1012]).toBeGreaterThan(0);
    expect(admin.gaps).toEqual([]);
  }, 40_000);
});

describe('live status: tenant changes', () => {
  it("moves a gateway to another tenant: the old tenant's users lose it, the new tenant's get it", async () => {
    const before = world.client(world.cookies.tenant1);
    const after = world.client(world.cookies.tenant2);
    await before.join(['gateway2']);
    const told = new Promise((resolve) => before.socket.once('problem', resolve));

    const admin = world.bff.pool.admin();
    await admin.tenant.deleteGateway({ tenantID: 'tenant1', gatewayIDs: ['gateway2'] });
    await admin.tenant.addGateway({ tenantID: 'tenant2', gatewayIDs: ['gateway2'] });
    // What the tenants routes do after a Tenant API change; the hub must follow without a poll.
    world.bff.pool.invalidate();

    expect(await told).toMatchObject({
      error: 'forbidden',
      message: expect.stringContaining('gateway2'),
    });
    expect(await after.join(['gateway2'])).toMatchObject({ ok: true });
    const seenBefore = before.deltas.length;
    await world.control('POST', '/devices/1021/offline');
    // Now delivered by tenant2's stream, to tenant2's users only.
    await eventually(() => expect(after.view()[1021]).toBe(0));
    await new Promise((r) => setTimeout(r, 50));
    expect(before.deltas.length).toBe(seenBefore);
    expect(await before.join(['gateway2'])).toMatchObject({
      ok: false,
      error: 'forbidden',
      gatewayID: 'gateway2',
    });
    expect(world.sim.control.streams().device).toHaveLength(2);
  });
});

describe('live status: shutdown', () => {
  it('stop() cancels the master streams and disconnects the sockets', async () => {
    const client = world.client(world.cookies.admin);
    await client.join('all');
    const gone = new Promise((resolve) => client.socket.once('disconnect', resolve));
    await world.bff.live.stop();
    await gone;
    await eventually(() => {
      const streams = world.sim.control.streams();
      expect(streams.device.length + streams.gateway.length).toBe(0);
    });
    const late = world.client(world.cookies.admin);
    await expect(late.connected()).rejects.toThrow('shutting down');
  });
});

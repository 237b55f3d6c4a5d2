// Two BFF processes behind "one address" (the tests talk to both), sharing one real Redis, one SQLite
// file and one simulator: sessions and login counters are shared, a status change reaches clients of
// both, exactly one master stream per scope is open, and killing the lease holder hands its streams
// over within seconds with nothing lost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  eventually,
  LiveClient,
  trueView,
  type SimStateDevice,
  type SimStateGateway,
} from '../../live/__tests__/live-world.ts';
import { deviceLeaseKey, GATEWAY_LEASE_KEY } from '../stream-lease.ts';
import { testBffEnv } from '../../__tests__/test-bff-env.ts';
import { startBffProcess, type BffProcess } from './bff-process.ts';

const PASSWORD = 'scale-admin-password-1';
const ALL_LEASES = [deviceLeaseKey('tenant1'), deviceLeaseKey('tenant2'), GATEWAY_LEASE_KEY];
const GATEWAYS = ['gateway1', 'gateway2', 'gateway3'];

const controlUrl = inject('simControlUrl');
async function control(method: 'GET' | 'POST', p: string): Promise<unknown> {
  const res = await fetch(`${controlUrl}${p}`, { method });
  const body: unknown = await res.json();
  if (!res.ok) throw new Error(`control ${method} ${p}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}
const simState = () =>
  control('GET', '/state') as Promise<{ gateways: SimStateGateway[]; devices: SimStateDevice[] }>;
const openStreams = async () => {
  const s = (await control('GET', '/streams')) as {
    device: Array<{ label: string }>;
    gateway: Array<{ label: string }>;
  };
  return {
    device: s.device.map((x) => x.label).sort(),
    gateway: s.gateway.map((x) => x.label).sort(),
  };
};
const ONE_STREAM_EACH = {
  device: ['device-status:tenant1', 'device-status:tenant2'],
  gateway: ['gateway-status:administrator'],
};

async function signIn(
  url: string,
  username: string,
  password: string,
): Promise<{ status: number; cookie: string }> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  await res.body?.cancel();
  return {
    status: res.status,
    cookie: res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
  };
}

describe('two BFF instances on one Redis', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmc-scale-bff-'));
  const certDir = inject('certDir');
  // Both instances get the same env, so the same DATA_DIR: one SQLite file for both.
  const env = testBffEnv({ port: inject('simPort'), certDir }, dir, {
    REDIS_URL: inject('redisUrl'),
    SESSION_SECRET: 'scale-test-session-secret-0123456789abcdef',
    CONSOLE_ADMIN_PASSWORD: PASSWORD,
  });
  const instances: BffProcess[] = [];
  const clients: LiveClient[] = [];
  let a: BffProcess;
  let b: BffProcess;
  let cookie: string;
  const redis = new Redis(inject('redisUrl'));

  beforeAll(async () => {
    await redis.flushdb();
    // A first, so it takes every lease; B then follows (the kill test needs to know the holder).
    a = await startBffProcess('A', env);
    instances.push(a);
    await eventually(() => expect(a.heldLeases().sort()).toEqual([...ALL_LEASES].sort()), 20_000);
    b = await startBffProcess('B', env);
    instances.push(b);
    const signedIn = await signIn(a.url, 'admin', PASSWORD);
    expect(signedIn.status).toBe(200);
    cookie = signedIn.cookie;
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await Promise.all(instances.map((i) => i.kill('SIGTERM')));
    redis.disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const client = (url: string) => {
    const c = new LiveClient(url, cookie);
    clients.push(c);
    return c;
  };

  it('accepts a session made on one instance on the other, and a sign-out on one ends it on both', async () => {
    const me = await fetch(`${b.url}/api/v1/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe('admin');
    const other = await signIn(b.url, 'admin', PASSWORD);
    const csrf = /cmc_csrf=([^;]+)/.exec(other.cookie)?.[1] ?? '';
    const out = await fetch(`${b.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie: other.cookie, 'x-csrf-token': csrf },
    });
    expect(out.status).toBeLessThan(300);
    expect(
      (await fetch(`${a.url}/api/v1/auth/me`, { headers: { cookie: other.cookie } })).status,
    ).toBe(401);
    expect((await fetch(`${a.url}/api/v1/auth/me`, { headers: { cookie } })).status).toBe(200);
  });

  it('shares the sign-in failure counters: failures spread over both instances lock the name out on both', async () => {
    const name = 'nobody-scale';
    for (const url of [a.url, b.url, a.url, b.url, a.url])
      expect((await signIn(url, name, 'wrong-password-x')).status).toBe(401);
    expect((await signIn(b.url, name, 'wrong-password-x')).status).toBe(429);
    expect((await signIn(a.url, name, 'wrong-password-x')).status).toBe(429);
    // Counted per (user name, address): one key for this name from this loopback address.
    const keys = await redis.keys(`cmc:throttle:user:user:${name}|*`);
    expect(keys).toHaveLength(1);
    expect(Number(await redis.hget(keys[0]!, 'failures'))).toBe(5);
  });

  it('opens exactly one master stream per scope for the two instances', async () => {
    expect(await openStreams()).toEqual(ONE_STREAM_EACH);
    expect(b.heldLeases()).toEqual([]);
  });

  it('delivers a status change to clients of both instances (B does not hold the stream)', async () => {
    const onA = client(a.url);
    const onB = client(b.url);
    expect(await onA.join('all')).toMatchObject({ ok: true });
    expect(await onB.join('all')).toMatchObject({ ok: true });
    await eventually(async () => expect(onB.view()).toEqual(trueView(await simState(), GATEWAYS)));
    const target = (await simState()).devices.find(
      (d) => d.managed && d.status !== 0 && GATEWAYS.includes(d.gatewayID),
    );
    expect(target).toBeDefined();
    await control('POST', `/devices/${target!.deviceID}/offline`);
    for (const c of [onA, onB]) {
      await eventually(() => expect(c.view()[target!.deviceID]).toBe(0));
      expect(c.gaps).toEqual([]);
    }
    await control('POST', `/devices/${target!.deviceID}/online?now=1`);
    await eventually(async () => expect(onB.view()).toEqual(trueView(await simState(), GATEWAYS)));
    // Connection history is shared (one SQLite file) and written only by the stream holder: each
    // change once, whichever instance is asked.
    await eventually(async () => {
      for (const url of [a.url, b.url]) {
        const res = await fetch(`${url}/api/v1/devices/${target!.deviceID}/history`, {
          headers: { cookie },
        });
        const { items } = (await res.json()) as { items: Array<{ status: number }> };
        expect(items.map((i) => i.status)).toEqual([target!.status, 0, target!.status]);
      }
    });
  });

  it('accepts devices through both instances at once without one change overwriting the other', async () => {
    const csrf = /cmc_csrf=([^;]+)/.exec(cookie)?.[1] ?? '';
    const gatewayID = GATEWAYS[0]!;
    const accepted = async (url: string) => {
      const res = await fetch(`${url}/api/v1/gateways/${gatewayID}/accept-filter`, {
        headers: { cookie },
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { db: { deviceIDs: number[] } }).db.deviceIDs;
    };
    const before = await accepted(a.url);
    // Each accept reads the filter, adds its device and writes the filter back on the master; the
    // two instances interleaving those steps would drop devices without the shared per-gateway lock.
    const newcomers = Array.from({ length: 12 }, (_, i) => 4_100_001 + i);
    const answers = await Promise.all(
      newcomers.map((id, i) =>
        fetch(`${[a, b][i % 2]!.url}/api/v1/gateways/${gatewayID}/accept-filter/devices`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
          body: JSON.stringify({ store: 'db', add: [id] }),
        }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(newcomers.map(() => 200));
    const after = await accepted(b.url);
    expect([...after].sort()).toEqual([...new Set([...before, ...newcomers])].sort());
    expect(await redis.keys('cmc:lock:*')).toEqual([]);
  });

  it('hands the streams over when the holder is killed: degraded, then live, nothing lost, one stream per scope', async () => {
    const watcher = client(b.url);
    expect(await watcher.join('all')).toMatchObject({ ok: true });
    await eventually(async () =>
      expect(watcher.view()).toEqual(trueView(await simState(), GATEWAYS)),
    );
    const managed = (await simState()).devices.filter(
      (d) => d.managed && GATEWAYS.includes(d.gatewayID),
    );
    const [first, second, third] = managed;
    expect(third).toBeDefined();

    const killedAt = Date.now();
    await a.kill('SIGKILL');
    // Changes while nobody holds the streams (the dead lease has not expired yet) ...
    await control('POST', `/devices/${first!.deviceID}/offline`);
    await control('POST', `/devices/${second!.deviceID}/offline`);
    await eventually(
      () => expect(watcher.modes.some((m) => m.mode === 'degraded')).toBe(true),
      15_000,
    );
    // ... and while B takes over.
    await control('POST', `/devices/${third!.deviceID}/offline`);
    await eventually(() => expect(b.heldLeases().sort()).toEqual([...ALL_LEASES].sort()), 15_000);
    await eventually(
      () => expect([...watcher.gateways.values()].every((g) => g.mode === 'live')).toBe(true),
      15_000,
    );
    const handOverMs = Date.now() - killedAt;
    expect(handOverMs).toBeLessThan(15_000);
    await control('POST', `/devices/${first!.deviceID}/online?now=1`);

    await eventually(
      async () => expect(watcher.view()).toEqual(trueView(await simState(), GATEWAYS)),
      10_000,
    );
    expect(watcher.gaps).toEqual([]);
    const lastDegraded = watcher.modes.findLastIndex((m) => m.mode === 'degraded');
    expect(watcher.modes.slice(lastDegraded).some((m) => m.mode === 'live')).toBe(true);
    // The killed process's streams are gone; B opened exactly one per scope.
    await eventually(async () => expect(await openStreams()).toEqual(ONE_STREAM_EACH), 10_000);
    // The session made on A still works on B (it lives in Redis, not in the dead process).
    expect((await fetch(`${b.url}/api/v1/auth/me`, { headers: { cookie } })).status).toBe(200);
  });

  it('a restarted instance follows the new holder: its clients see changes and no second stream opens', async () => {
    const c = await startBffProcess('C', env);
    instances.push(c);
    const onC = client(c.url);
    expect(await onC.join('all')).toMatchObject({ ok: true });
    await eventually(
      () => expect([...onC.gateways.values()].every((g) => g.mode === 'live')).toBe(true),
      15_000,
    );
    const target = (await simState()).devices.find(
      (d) => d.managed && d.status !== 0 && GATEWAYS.includes(d.gatewayID),
    );
    await control('POST', `/devices/${target!.deviceID}/offline`);
    await eventually(async () => expect(onC.view()).toEqual(trueView(await simState(), GATEWAYS)));
    expect(c.heldLeases()).toEqual([]);
    expect(await openStreams()).toEqual(ONE_STREAM_EACH);
  });

  it('keeps clients of the follower equal to the master through churn and a second hand-over', async () => {
    const c = instances.at(-1)!;
    const onC = client(c.url);
    expect(await onC.join('all')).toMatchObject({ ok: true });
    await eventually(async () => expect(onC.view()).toEqual(trueView(await simState(), GATEWAYS)));
    const churn = (changesPerSecond: number) =>
      fetch(`${controlUrl}/churn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ changesPerSecond }),
      });
    expect((await churn(100)).status).toBe(200);
    try {
      await new Promise((r) => setTimeout(r, 1000));
      await b.kill('SIGKILL'); // B holds every stream since A died
      await eventually(() => expect(c.heldLeases().sort()).toEqual([...ALL_LEASES].sort()), 15_000);
      await new Promise((r) => setTimeout(r, 1000));
    } finally {
      await churn(0);
    }
    await eventually(
      () => expect([...onC.gateways.values()].every((g) => g.mode === 'live')).toBe(true),
      15_000,
    );
    await eventually(
      async () => expect(onC.view()).toEqual(trueView(await simState(), GATEWAYS)),
      10_000,
    );
    expect(onC.gaps).toEqual([]);
    expect(onC.deltas.length).toBeGreaterThan(10);
    await eventually(async () => expect(await openStreams()).toEqual(ONE_STREAM_EACH), 10_000);
  });
});

// A page that loads the device list, the gateway summaries and joins the live channel at once must
// cost one GetDeviceList per gateway at the master, not one per request; reads are shared only per
// tenant token (each user still gets only what it may see) and only while in flight (a read after a
// change sees the change). Real simulator process (frozen with SIGSTOP so the page's requests all
// wait on the master together, as they do at scale), real BFF, real socket.io clients; master RPCs
// are counted by the BFF's own RPC metric.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '@cmc/api';
import { createAccountStore } from '../../accounts/account-store.ts';
import { createBff, type Bff } from '../../app.ts';
import { hashPassword } from '../../auth/password.ts';
import { loadConfig } from '../../config.ts';
import { readEnv } from '../../env.ts';
import { LiveClient } from '../../live/__tests__/live-world.ts';
import { startSimProcess, type SimProcess } from './sim-process.ts';
import { testBffEnv } from '../../__tests__/test-bff-env.ts';

const ADMIN = { username: 'admin', password: 'reads-admin-password-1' };
const TENANT1 = { username: 'viewer1', password: 'reads-viewer-password-1', tenantID: 'tenant1' };
const TENANT2 = { username: 'viewer2', password: 'reads-viewer-password-2', tenantID: 'tenant2' };

interface Session {
  cookie: string;
  csrf: string;
}

let dir: string;
let sim: SimProcess;
let bff: Bff;
let url: string;
const sessions: Record<string, Session> = {};
const clients: LiveClient[] = [];

async function signIn(who: { username: string; password: string }): Promise<Session> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  expect(res.status).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: csrfToken };
}

async function get(who: string, p: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${url}/api/v1${p}`, { headers: { cookie: sessions[who]!.cookie } });
  return { status: res.status, body: await res.json() };
}

/** Master RPCs made so far, by method (the BFF's cmc_master_rpc_duration_seconds count). */
async function rpcCount(method: string): Promise<number> {
  const { values } = await bff.metrics.rpcDuration.get();
  return values
    .filter((v) => v.metricName?.endsWith('_count') && v.labels.method === method)
    .reduce((sum, v) => sum + v.value, 0);
}

/** Reads that joined one in flight instead of calling the master (cmc_master_reads_joined_total). */
async function joinedCount(method: string): Promise<number> {
  const { values } = await bff.metrics.readsJoined.get();
  return values.filter((v) => v.labels.method === method).reduce((sum, v) => sum + v.value, 0);
}

/** What the Devices page asks for when it loads: its list, the gateway summaries, a live join. */
async function pageLoad(who: string) {
  const live = new LiveClient(url, sessions[who]!.cookie);
  clients.push(live);
  await live.connected();
  return () =>
    Promise.all([
      get(who, '/devices?page=1&pageSize=50'),
      get(who, '/gateways'),
      live.join('all'),
    ]).then(([devices, gateways, join]) => ({ devices, gateways, join }));
}

const gatewaysOf = (body: unknown) =>
  [
    ...new Set((body as { items: Array<{ gatewayID: string }> }).items.map((d) => d.gatewayID)),
  ].sort();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-reads-'));
  sim = await startSimProcess(dir);
  const env = readEnv(testBffEnv(sim, dir, { CONSOLE_ADMIN_PASSWORD: ADMIN.password }));
  bff = await createBff(loadConfig(env), { drainTimeoutMs: 2000 });
  url = `http://127.0.0.1:${(await bff.listen(0, '127.0.0.1')).port}`;
  await bff.live.start();
  const accounts = createAccountStore(bff.db);
  for (const t of [TENANT1, TENANT2])
    accounts.create({
      username: t.username,
      role: 'tenant',
      tenantID: t.tenantID,
      passwordHash: await hashPassword(t.password),
    });
  sessions.admin = await signIn(ADMIN);
  sessions.tenant1 = await signIn(TENANT1);
  sessions.tenant2 = await signIn(TENANT2);
  // Warm the caches that are not the subject here (tenant map, gateway list).
  for (const who of ['admin', 'tenant1', 'tenant2']) await (await pageLoad(who))();
}, 90_000);

afterAll(async () => {
  for (const c of clients) c.close();
  await sim?.stop(); // thaws first
  await bff?.close();
  fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('one read of every gateway per page load', () => {
  it('serves the device list, gateway summaries and live join of three users without a read per request', async () => {
    const loads = await Promise.all(['admin', 'tenant1', 'tenant2'].map(pageLoad));
    const before = await rpcCount('ConnectMaster.GetDeviceList');
    const joinedBefore = await joinedCount('ConnectMaster.GetDeviceList');
    sim.freeze();
    const pending = loads.map((load) => load());
    // Every request of the three pages is now waiting on the (frozen) master together.
    await new Promise((r) => setTimeout(r, 400));
    sim.thaw();
    const [admin, tenant1, tenant2] = await Promise.all(pending);

    // The list and the summaries of every gateway the live hub holds come from its memory
    // (devices/device-index.ts): none of the 12 lists the three pages show is read at the master.
    expect((await rpcCount('ConnectMaster.GetDeviceList')) - before).toBe(0);
    expect((await joinedCount('ConnectMaster.GetDeviceList')) - joinedBefore).toBe(0);

    for (const page of [admin, tenant1, tenant2]) {
      expect(page!.devices.status).toBe(200);
      expect(page!.gateways.status).toBe(200);
      expect(page!.join).toMatchObject({ ok: true });
    }
    // Each user still sees only its own gateways.
    expect(gatewaysOf(admin!.devices.body)).toEqual(['gateway1', 'gateway2', 'gateway3']);
    expect(gatewaysOf(tenant1!.devices.body)).toEqual(['gateway1', 'gateway2']);
    expect(gatewaysOf(tenant2!.devices.body)).toEqual(['gateway3']);
    const summaryIDs = (body: unknown) =>
      (body as { gateways: Array<{ gatewayID: string }> }).gateways.map((g) => g.gatewayID);
    expect(summaryIDs(tenant1!.gateways.body)).toEqual(['gateway1', 'gateway2']);
    expect(summaryIDs(tenant2!.gateways.body)).toEqual(['gateway3']);
    expect(tenant2!.join).toMatchObject({ gatewayIDs: ['gateway3'] });
  }, 60_000);

  it('shares nothing once a read has answered: the next page load reads again and sees a change', async () => {
    const first = await (await pageLoad('admin'))();
    const device = (
      first.devices.body as {
        items: Array<{ deviceID: number; gatewayID: string; status: string }>;
      }
    ).items.find((d) => d.status !== 'DISCONNECTED' && d.gatewayID === 'gateway3');
    expect(device).toBeDefined();
    const readsBeforeChange = await rpcCount('ConnectMaster.GetDeviceList');
    const res = await fetch(`${url}/api/v1/gateways/gateway3/disconnect`, {
      method: 'POST',
      headers: {
        cookie: sessions.admin!.cookie,
        [CSRF_HEADER]: sessions.admin!.csrf,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ deviceIDs: [device!.deviceID] }),
    });
    expect(res.status).toBe(200);
    const after = await get('admin', '/devices?page=1&pageSize=50');
    // The changed gateway has been read again since the change (by the hub right after it, or
    // through for this request while the hub had not yet): never the picture of before the change.
    expect(await rpcCount('ConnectMaster.GetDeviceList')).toBeGreaterThan(readsBeforeChange);
    const now = (after.body as { items: Array<{ deviceID: number; status: string }> }).items.find(
      (d) => d.deviceID === device!.deviceID,
    );
    // A sync device leaves the managed list; an async one is listed disconnected until it redials.
    expect(now?.status ?? 'gone').not.toBe(device!.status);
  }, 60_000);
});

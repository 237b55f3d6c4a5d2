// A hung master (the simulator process frozen with SIGSTOP, not killed: its kernel keeps the TCP
// connections, nothing answers) must not look live: the live channel turns degraded within about 10 s,
// a fresh snapshot says degraded, REST calls then fail in well under a second with a 503 naming since
// when — and after SIGCONT everything comes back without a restart. Real simulator process, real BFF
// (SQLite), real socket.io client.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBff, type Bff } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { readEnv } from '../../env.ts';
import { eventually, LiveClient } from '../../live/__tests__/live-world.ts';
import { startSimProcess, type SimProcess } from './sim-process.ts';
import { testBffEnv } from '../../__tests__/test-bff-env.ts';

const PASSWORD = 'hung-admin-password-1';
const GATEWAYS = ['gateway1', 'gateway2', 'gateway3'];

let dir: string;
let sim: SimProcess;
let bff: Bff;
let url: string;
let cookie: string;
const clients: LiveClient[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-hung-'));
  sim = await startSimProcess(dir);
  const env = readEnv(
    testBffEnv(sim, dir, {
      CONSOLE_ADMIN_PASSWORD: PASSWORD,
      LOG_LEVEL: process.env.HUNG_LOG ?? 'silent',
    }),
  );
  bff = await createBff(loadConfig(env), { drainTimeoutMs: 2000 });
  const address = await bff.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${address.port}`;
  await bff.live.start();
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}, 90_000);

afterAll(async () => {
  for (const c of clients) c.close();
  await sim?.stop(); // thaws first
  await bff?.close();
  fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

async function timedGet(p: string): Promise<{ status: number; ms: number; body: unknown }> {
  const started = performance.now();
  const res = await fetch(`${url}/api/v1${p}`, { headers: { cookie } });
  const text = await res.text();
  return { status: res.status, ms: performance.now() - started, body: JSON.parse(text) };
}

function watcher(): LiveClient {
  const c = new LiveClient(url, cookie);
  clients.push(c);
  return c;
}

const allLive = (c: LiveClient) =>
  GATEWAYS.every((id) => c.gateways.get(id)?.mode === 'live') && c.gateways.size === 3;

it('a frozen master turns the live channel degraded, REST fails fast, and both recover', async () => {
  const client = watcher();
  await eventually(async () => {
    expect(await client.join('all')).toMatchObject({ ok: true });
    expect(allLive(client)).toBe(true);
  }, 20_000);
  expect(await timedGet('/gateways')).toMatchObject({ status: 200 });

  const frozenAt = performance.now();
  sim.freeze();

  // Degraded within about 10 s (keep-alive ping timeout or the liveness probe, whichever is first).
  await eventually(
    () => expect(GATEWAYS.every((id) => client.gateways.get(id)?.mode === 'degraded')).toBe(true),
    15_000,
  );
  const degradedAfterMs = performance.now() - frozenAt;
  expect(degradedAfterMs).toBeLessThan(12_500);

  // Once the BFF knows the master is not answering, REST answers at once with the reason.
  await eventually(
    () => expect(client.modes.some((m) => m.reason?.includes('not answering since'))).toBe(true),
    15_000,
  );
  const fast = await timedGet('/gateways');
  expect(fast.status).toBe(503);
  expect(fast.ms).toBeLessThan(1000);
  expect((fast.body as { detail: string }).detail).toMatch(
    /^The master gateway cannot be reached: not answering since \d\d:\d\d:\d\d UTC/,
  );
  expect((await timedGet('/devices')).ms).toBeLessThan(1000);

  // A client that joins now is told the truth in its snapshot, not "live".
  const late = watcher();
  expect(await late.join('all')).toMatchObject({ ok: true });
  expect(late.snapshots.at(-1)?.mode).toBe('degraded');

  sim.thaw();
  await eventually(async () => expect((await timedGet('/gateways')).status).toBe(200), 20_000);
  await eventually(() => expect(allLive(client)).toBe(true), 20_000);
  expect((await timedGet('/devices')).status).toBe(200);
}, 90_000);

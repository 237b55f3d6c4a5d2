// Integration harness: a real simulator (gRPC over mTLS, port 0) and a real BFF with a temporary
// DATA_DIR, listening on 127.0.0.1:0 (loopback only) and driven over HTTP with supertest.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Simulator } from '@cmc/master-sim';
import { startTestSimulator } from '@cmc/master-sim/testing';
import request from 'supertest';
import { afterAll, beforeAll } from 'vitest';
import { CSRF_HEADER } from '@cmc/api';
import { createBff, type Bff, type BffDeps } from '../app.ts';
import { createAccountStore } from '../accounts/account-store.ts';
import { hashPassword } from '../auth/password.ts';
import { loadConfig } from '../config.ts';
import { readEnv } from '../env.ts';
import { ADMIN, testBffEnv, VIEWER } from './test-bff-env.ts';

/** Start/stop of simulator + BFF (certificate generation, scrypt) under a loaded 2-core machine. */
export const HARNESS_TIMEOUT_MS = 60_000;

export { ADMIN, VIEWER } from './test-bff-env.ts';

export interface Harness {
  sim: Simulator;
  bff: Bff;
  url: string;
  dir: string;
  /** Restarts the simulator on the same ports and certificates (master back after an outage). */
  restartSim(): Promise<void>;
  stopSim(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(
  options: { deps?: BffDeps; env?: Record<string, string>; https?: boolean } = {},
): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-it-'));
  const certDir = path.join(dir, 'certs');
  const simOptions = {
    certDir,
    port: 0,
    controlPort: 0,
    reconnectDelayMs: 200,
    seed: 7,
    flakyUpMs: [3_600_000, 3_600_001] as [number, number],
  };
  let sim = await startTestSimulator(simOptions);
  let simRunning = true;
  const env = readEnv(
    testBffEnv({ port: sim.port, certDir }, dir, {
      // HTTPS with the simulator's server certificate (SAN 127.0.0.1), trusted through its CA.
      ...(options.https
        ? {
            TLS_CERT_FILE: path.join(certDir, 'server.crt'),
            TLS_KEY_FILE: path.join(certDir, 'server_key.pem'),
          }
        : {}),
      ...options.env,
    }),
  );
  const bff = await createBff(loadConfig(env), { drainTimeoutMs: 2000, ...options.deps });
  // listen() makes the admin (id 1) once the port is bound; the viewer comes after it.
  const address = await bff.listen(0, '127.0.0.1');
  createAccountStore(bff.db).create({
    username: VIEWER.username,
    role: 'tenant',
    tenantID: VIEWER.tenantID,
    passwordHash: await hashPassword(VIEWER.password),
  });
  const harness: Harness = {
    sim,
    bff,
    dir,
    url: `${options.https ? 'https' : 'http'}://127.0.0.1:${address.port}`,
    async stopSim() {
      if (simRunning) await sim.stop();
      simRunning = false;
    },
    async restartSim() {
      if (simRunning) await sim.stop();
      sim = await startTestSimulator({ ...simOptions, port: sim.port, controlPort: 0 });
      simRunning = true;
      harness.sim = sim;
    },
    async close() {
      await bff.close();
      if (simRunning) await sim.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

export interface Client {
  agent: ReturnType<typeof request.agent>;
  csrf: string;
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  put(path: string, body?: object): request.Test;
  del(path: string, body?: object): request.Test;
}

/** Signs in and returns an agent that sends the session cookie and the CSRF header. */
export async function signIn(
  url: string,
  who: { username: string; password: string },
  ca?: string,
): Promise<Client> {
  const agent = ca ? request.agent(url).ca(ca) : request.agent(url);
  const res = await agent.post('/api/v1/auth/login').send(who);
  if (res.status !== 200)
    throw new Error(`sign-in as ${who.username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const csrf = (res.body as { csrfToken: string }).csrfToken;
  const withBody = (t: request.Test, body?: object) =>
    body === undefined ? t.set(CSRF_HEADER, csrf) : t.set(CSRF_HEADER, csrf).send(body);
  return {
    agent,
    csrf,
    get: (p) => agent.get(`/api/v1${p}`),
    post: (p, body) => withBody(agent.post(`/api/v1${p}`), body),
    put: (p, body) => withBody(agent.put(`/api/v1${p}`), body),
    del: (p, body) => withBody(agent.delete(`/api/v1${p}`), body),
  };
}

export interface SignedInHarness {
  readonly h: Harness;
  readonly admin: Client;
  readonly viewer: Client;
}

/**
 * One harness for the whole test file, with the admin and tenant1's viewer signed in; registers its
 * own beforeAll/afterAll, so its fields are ready inside tests.
 */
export function useSignedInHarness(): SignedInHarness {
  let h: Harness | undefined;
  let clients: { admin: Client; viewer: Client } | undefined;
  const ready = () => {
    if (!h || !clients) throw new Error('the harness starts in beforeAll: use it inside tests');
    return { h, ...clients };
  };
  beforeAll(async () => {
    h = await startHarness();
    clients = { admin: await signIn(h.url, ADMIN), viewer: await signIn(h.url, VIEWER) };
  }, HARNESS_TIMEOUT_MS);
  afterAll(async () => {
    await h?.close();
  }, HARNESS_TIMEOUT_MS);
  return {
    get h() {
      return ready().h;
    },
    get admin() {
      return ready().admin;
    },
    get viewer() {
      return ready().viewer;
    },
  };
}

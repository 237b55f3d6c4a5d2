// The system under test: the master-gateway simulator and the BFF (serving the built web app),
// both in this process on loopback ports chosen by the OS, with throw-away data and certificates.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBff, loadConfig, readEnv, type Bff } from '@cmc/bff';
import type { Scenario, Simulator } from '@cmc/master-sim';
import { startTestSimulator } from '@cmc/master-sim/testing';
import { e2eEnv } from './env.ts';

export const ADMIN = { username: 'admin', password: 'e2e-admin-password' };
export const VIEWER = { username: 'viewer1', password: 'viewer1-e2e-pass', tenantID: 'tenant1' };

const here = path.dirname(fileURLToPath(import.meta.url));
// E2E_WEB_DIST lets a developer test a build of their own while another build is being written.
export const WEB_DIST = e2eEnv.webDist() ?? path.resolve(here, '../../apps/web/dist');

export interface Stack {
  url: string;
  controlUrl: string;
  sim: Simulator;
  bff: Bff;
  stop(): Promise<void>;
}

/** `scenario`: the simulator's world; its demo world (3 gateways, 33 devices) by default. */
export interface StackOptions {
  scenario?: Scenario;
  /**
   * 'inline' writes history on the BFF's main SQLite connection instead of its worker's, for a spec
   * that faults that connection with a PRAGMA (max_page_count is per connection).
   */
  historyWriter?: 'worker' | 'inline';
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(
      `The web app is not built (${WEB_DIST}/index.html missing): run pnpm -F @cmc/web build`,
    );
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cmc-e2e-'));
  const certDir = path.join(tmp, 'certs');
  // Certificates come from the set kept for tests (issuing a set costs over a second of CPU).
  // Short redial delay so async and device-to-server reconnects happen within a test's patience.
  const sim = await startTestSimulator({
    host: '127.0.0.1',
    port: 0,
    controlPort: 0,
    certDir,
    reconnectDelayMs: 500,
    seed: 7,
    ...(options.scenario ? { scenario: options.scenario } : {}),
  });
  let bff: Bff | undefined;
  try {
    const env = readEnv({
      CMC_MODE: 'test',
      MASTER_IP: '127.0.0.1',
      MASTER_PORT: String(sim.port),
      MASTER_CA_FILE: path.join(sim.certDir, 'ca.crt'),
      ADMIN_CERT_FILE: path.join(sim.certDir, 'admin.crt'),
      ADMIN_KEY_FILE: path.join(sim.certDir, 'admin_key.pem'),
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: path.join(tmp, 'bff'),
      CONSOLE_ADMIN_USER: ADMIN.username,
      CONSOLE_ADMIN_PASSWORD: ADMIN.password,
      WEB_DIST_DIR: WEB_DIST,
      LOG_LEVEL: 'error',
    });
    bff = await createBff(
      loadConfig(env),
      options.historyWriter ? { historyWriter: options.historyWriter } : {},
    );
    const address = await bff.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${address.port}`;
    await createViewer(url);
    const started = bff;
    return {
      url,
      controlUrl: sim.controlUrl,
      sim,
      bff: started,
      async stop() {
        await started.close();
        await sim.stop();
        fs.rmSync(tmp, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await bff?.close();
    await sim.stop();
    throw error;
  }
}

/** The tenant viewer the tests sign in as, created the way an admin would: through the API. */
async function createViewer(url: string): Promise<void> {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!login.ok)
    throw new Error(`admin sign-in failed: HTTP ${login.status} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const created = await fetch(`${url}/api/v1/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ ...VIEWER, role: 'tenant' }),
  });
  if (!created.ok)
    throw new Error(`creating the viewer failed: HTTP ${created.status} ${await created.text()}`);
}

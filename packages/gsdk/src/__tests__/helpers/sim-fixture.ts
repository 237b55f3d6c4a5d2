import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Simulator, SimulatorOptions } from '@cmc/master-sim';
import { startTestSimulator } from '@cmc/master-sim/testing';
import { createGsdkClient } from '../../client.ts';
import type { GsdkClient, GsdkClientOptions } from '../../types.ts';
import { testScenario } from './test-scenario.ts';

type StartOptions = Omit<SimulatorOptions, 'certDir'>;

export interface SimFixture {
  sim: Simulator;
  certDir: string;
  /** Starts a new simulator on the same gRPC port and certDir (the previous one must be stopped). */
  restart(): Promise<Simulator>;
  /** A client logged in with LoginAdmin{tenantID} (default: administrator). */
  adminClient(tenantID?: string, extra?: Partial<GsdkClientOptions>): GsdkClient;
  /** A client logged in with Login{tenantCert} using that tenant's own certificate. */
  tenantClient(tenantID: string, extra?: Partial<GsdkClientOptions>): GsdkClient;
  /** Calls the simulator's HTTP control API and returns its JSON. */
  control(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

/** Starts the simulator on 127.0.0.1 with ephemeral ports and a fresh temporary certDir. */
export async function startFixture(options: StartOptions = {}): Promise<SimFixture> {
  const certDir = await mkdtemp(join(tmpdir(), 'gsdk-test-certs-'));
  const clients: GsdkClient[] = [];
  const base = { host: '127.0.0.1', port: 0, controlPort: 0, scenario: testScenario(), ...options };
  const fixture: SimFixture = {
    sim: await startTestSimulator({ ...base, certDir }),
    certDir,
    async restart() {
      fixture.sim = await startTestSimulator({ ...base, port: fixture.sim.port, certDir });
      return fixture.sim;
    },
    adminClient(tenantID = 'administrator', extra = {}) {
      const { certs, address } = fixture.sim;
      const client = createGsdkClient({
        address,
        caCert: certs.caCert,
        clientCert: certs.adminCert,
        clientKey: certs.adminKey,
        login: { kind: 'admin', tenantID },
        ...extra,
      });
      clients.push(client);
      return client;
    },
    tenantClient(tenantID, extra = {}) {
      const { certs, address } = fixture.sim;
      const pair = certs.tenants[tenantID];
      if (!pair) throw new Error(`the simulator has no certificate for ${tenantID}`);
      const client = createGsdkClient({
        address,
        caCert: certs.caCert,
        clientCert: pair.cert,
        clientKey: pair.key,
        login: { kind: 'tenant' },
        ...extra,
      });
      clients.push(client);
      return client;
    },
    async control(method, path, body) {
      const response = await fetch(`${fixture.sim.controlUrl}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json: unknown = await response.json();
      if (!response.ok)
        throw new Error(`control ${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    },
    async stop() {
      for (const client of clients) client.close();
      await fixture.sim.stop();
      await rm(certDir, { recursive: true, force: true });
    },
  };
  return fixture;
}

/** Polls `check` until it returns a value other than undefined (or throws the last failure). */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 5_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until)
      throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface SimStateDevice {
  deviceID: number;
  gatewayID: string;
  connectionMode: number;
  useSSL: boolean;
  status: number;
  managed: boolean;
  kind: string | null;
}

export async function simDevice(fixture: SimFixture, deviceID: number): Promise<SimStateDevice> {
  const state = (await fixture.control('GET', '/state')) as { devices: SimStateDevice[] };
  const device = state.devices.find((d) => d.deviceID === deviceID);
  if (!device) throw new Error(`the simulator has no device ${deviceID}`);
  return device;
}

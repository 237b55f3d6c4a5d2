// Test world for the live-status tests: a real simulator (gRPC over mTLS, control API) and a real
// BFF (createBff, SQLite, sessions) both on port 0, users signed in over HTTP, and socket.io clients
// that keep their own view of the state from snapshot + deltas exactly as a browser would.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as connectClient, type Socket } from 'socket.io-client';
import type { Scenario, Simulator } from '@cmc/master-sim';
import { startTestSimulator } from '@cmc/master-sim/testing';
import type {
  DeltaEvent,
  LiveAck,
  LiveClientToServerEvents,
  LiveServerToClientEvents,
  ModeEvent,
  SnapshotEvent,
} from '@cmc/api';
import { deltasEventSchema } from '@cmc/api';
import { DeviceStatus } from '@cmc/gsdk/names';
import { createBff, type Bff, type BffDeps } from '../../app.ts';
import { createAccountStore } from '../../accounts/account-store.ts';
import { hashPassword } from '../../auth/password.ts';
import type { Config } from '../../config.ts';
import { createLogger } from '../../logger.ts';

export const testScenario = (): Scenario => ({
  name: 'live-test',
  tenants: ['tenant1', 'tenant2'],
  gateways: [
    { gatewayID: 'gateway1', tenantID: 'tenant1', subnet: '192.168.10.0/24' },
    { gatewayID: 'gateway2', tenantID: 'tenant1', subnet: '192.168.20.0/24' },
    { gatewayID: 'gateway3', tenantID: 'tenant2', subnet: '192.168.30.0/24' },
  ],
  devices: [
    {
      deviceID: 1011,
      gatewayID: 'gateway1',
      type: 'BIOSTATION_L2',
      IPAddr: '192.168.10.11',
      registration: 'async',
    },
    {
      deviceID: 1012,
      gatewayID: 'gateway1',
      type: 'BIOENTRY_W2',
      IPAddr: '192.168.10.12',
      registration: 'async',
    },
    {
      deviceID: 1013,
      gatewayID: 'gateway1',
      type: 'BIOLITE_N2',
      IPAddr: '192.168.10.13',
      registration: 'asyncDB',
    },
    {
      deviceID: 1014,
      gatewayID: 'gateway1',
      type: 'XSTATION_2',
      IPAddr: '192.168.10.14',
      registration: 'sync',
    },
    {
      deviceID: 1021,
      gatewayID: 'gateway2',
      type: 'BIOSTATION_3',
      IPAddr: '192.168.20.11',
      registration: 'async',
    },
    {
      deviceID: 1022,
      gatewayID: 'gateway2',
      type: 'XPASS_D2',
      IPAddr: '192.168.20.12',
      registration: 'async',
    },
    {
      deviceID: 1031,
      gatewayID: 'gateway3',
      type: 'BIOSTATION_L2',
      IPAddr: '192.168.30.11',
      registration: 'async',
    },
    {
      deviceID: 1032,
      gatewayID: 'gateway3',
      type: 'BIOENTRY_W2',
      IPAddr: '192.168.30.12',
      registration: 'async',
    },
  ],
});

export interface SimStateDevice {
  deviceID: number;
  gatewayID: string;
  status: number;
  managed: boolean;
}
export interface SimStateGateway {
  gatewayID: string;
  tenantID: string | null;
  connected: boolean;
}

export interface LiveWorld {
  /** Replaced by restartSim(). */
  sim: Simulator;
  /** The master goes away (every stream and call fails). */
  stopSim(): Promise<void>;
  /** The master comes back on the same port with the same certificates, fresh from the scenario. */
  restartSim(): Promise<void>;
  bff: Bff;
  url: string;
  cookies: { admin: string; tenant1: string; tenant2: string };
  control(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown>;
  simState(): Promise<{ gateways: SimStateGateway[]; devices: SimStateDevice[] }>;
  /** `auth`: the socket.io handshake auth, e.g. `{ deltas: true }` for batched `deltas` events. */
  client(
    cookie: string | undefined,
    headers?: Record<string, string>,
    auth?: Record<string, unknown>,
  ): LiveClient;
  stop(): Promise<void>;
}

const PASSWORD = 'correct horse battery staple';

async function signIn(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200)
    throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

export async function startLiveWorld(bffDeps: BffDeps = {}): Promise<LiveWorld> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmc-live-'));
  // Async devices are retried only after a minute, so nothing changes unless a test asks for it.
  const simOptions = {
    controlPort: 0,
    certDir: path.join(dir, 'certs'),
    scenario: testScenario(),
    reconnectDelayMs: 60_000,
    seed: 7,
  };
  let sim = await startTestSimulator({ ...simOptions, port: 0 });
  let simRunning = true;
  const config: Config = {
    master: {
      address: sim.address,
      caCert: sim.certs.caCert,
      adminCert: sim.certs.adminCert,
      adminKey: sim.certs.adminKey,
    },
    host: '127.0.0.1',
    port: 0,
    dataDir: dir,
    sessionSecret: 'live-test-session-secret-0123456789abcdef',
    adminUser: 'admin',
    adminPassword: PASSWORD,
    webDistDir: path.join(dir, 'no-web'),
    tls: null,
    history: { retentionDays: 30, maxRows: 100_000, flapThreshold: 5, flapWindowMinutes: 10 },
    live: { batchWindowMs: 10 },
    logLevel: 'silent',
    redis: null,
    mode: 'test',
  };
  const bff = await createBff(config, {
    ...bffDeps,
    logger: createLogger({ level: process.env.LIVE_TEST_LOG === '1' ? 'debug' : 'silent' }),
  });
  const accounts = createAccountStore(bff.db);
  const passwordHash = await hashPassword(PASSWORD);
  accounts.create({ username: 'viewer1', role: 'tenant', tenantID: 'tenant1', passwordHash });
  accounts.create({ username: 'viewer2', role: 'tenant', tenantID: 'tenant2', passwordHash });
  const address = await bff.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${address.port}`;
  await bff.live.start();
  const cookies = {
    admin: await signIn(url, 'admin'),
    tenant1: await signIn(url, 'viewer1'),
    tenant2: await signIn(url, 'viewer2'),
  };
  const clients: LiveClient[] = [];

  const world: LiveWorld = {
    get sim() {
      return sim;
    },
    async stopSim() {
      await sim.stop();
      simRunning = false;
    },
    async restartSim() {
      sim = await startTestSimulator({ ...simOptions, port: sim.port });
      simRunning = true;
    },
    bff,
    url,
    cookies,
    control,
    simState: () =>
      control('GET', '/state') as Promise<{
        gateways: SimStateGateway[];
        devices: SimStateDevice[];
      }>,
    client(cookie, headers, auth) {
      const c = new LiveClient(url, cookie, headers, auth);
      clients.push(c);
      return c;
    },
    async stop() {
      for (const c of clients) c.close();
      await bff.close();
      if (simRunning) await sim.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;

  async function control(method: 'GET' | 'POST', p: string, body?: unknown): Promise<unknown> {
    const res = await fetch(
      `${sim.controlUrl}${p}`,
      body === undefined
        ? { method }
        : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    );
    const answer: unknown = await res.json();
    if (!res.ok) throw new Error(`control ${method} ${p}: ${res.status} ${JSON.stringify(answer)}`);
    return answer;
  }
}

/** A browser's view: devices and gateways from the last snapshot plus every delta since, with gap checks. */
export class LiveClient {
  readonly socket: Socket<LiveServerToClientEvents, LiveClientToServerEvents>;
  devices = new Map<number, { gatewayID: string; status: number }>();
  gateways = new Map<string, { connected: boolean; seq: number; mode: 'live' | 'degraded' }>();
  snapshots: SnapshotEvent[] = [];
  deltas: DeltaEvent[] = [];
  modes: ModeEvent[] = [];
  gaps: string[] = [];
  /** Socket.io frames that carried deltas, by event name. */
  frames = { delta: 0, deltas: 0 };

  constructor(
    url: string,
    cookie: string | undefined,
    headers: Record<string, string> = {},
    auth?: Record<string, unknown>,
  ) {
    this.socket = connectClient(url, {
      path: '/socket.io',
      ...(auth ? { auth } : {}),
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { ...headers, ...(cookie ? { Cookie: cookie } : {}) },
    });
    this.socket.on('snapshot', (s) => {
      this.snapshots.push(s);
      this.devices = new Map(
        s.devices.map((d) => [
          d.deviceID,
          { gatewayID: d.gatewayID, status: DeviceStatus[d.status] },
        ]),
      );
      this.gateways = new Map(
        s.gateways.map((g) => [g.gatewayID, { connected: g.connected, seq: g.seq, mode: g.mode }]),
      );
    });
    const apply = (d: DeltaEvent): void => {
      this.deltas.push(d);
      const gw = this.gateways.get(d.gatewayID);
      if (!gw) return;
      if (d.seq !== gw.seq + 1)
        this.gaps.push(`${d.gatewayID}: expected seq ${gw.seq + 1}, got ${d.seq}`);
      gw.seq = d.seq;
      for (const id of d.removed ?? []) this.devices.delete(id);
      for (const dev of d.added ?? [])
        this.devices.set(dev.deviceID, {
          gatewayID: dev.gatewayID,
          status: DeviceStatus[dev.status],
        });
      for (const c of d.changes)
        this.devices.set(c.deviceID, { gatewayID: c.gatewayID, status: DeviceStatus[c.status] });
      if (d.gateway) gw.connected = d.gateway.connected;
    };
    this.socket.on('delta', (d) => {
      this.frames.delta += 1;
      apply(d);
    });
    this.socket.on('deltas', (batch) => {
      this.frames.deltas += 1;
      // What the server sends must match the published schema.
      const parsed = deltasEventSchema.parse(batch);
      for (const d of parsed.deltas) apply(d);
    });
    this.socket.on('mode', (m) => {
      this.modes.push(m);
      for (const id of m.gatewayIDs) {
        const gw = this.gateways.get(id);
        if (gw) gw.mode = m.mode;
      }
    });
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) return resolve();
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  async join(gatewayIDs: string[] | 'all'): Promise<LiveAck> {
    await this.connected();
    return this.socket.timeout(10_000).emitWithAck('join', { gatewayIDs });
  }

  /** deviceID -> status of what this client shows (the wire's names as the simulator's numbers). */
  view(): Record<number, number> {
    return Object.fromEntries([...this.devices].map(([id, d]) => [id, d.status]));
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** Polls until `check` returns without throwing (the last error is rethrown at the deadline). */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

/** deviceID -> status of the managed devices of these gateways, as the simulator holds them. */
export function trueView(
  state: { devices: SimStateDevice[] },
  gatewayIDs: string[],
): Record<number, number> {
  return Object.fromEntries(
    state.devices
      .filter((d) => d.managed && gatewayIDs.includes(d.gatewayID))
      .map((d) => [d.deviceID, d.status]),
  );
}

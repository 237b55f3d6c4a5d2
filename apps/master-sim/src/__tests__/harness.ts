import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Metadata,
  credentials,
  type Client,
  type ClientReadableStream,
  type ServiceError,
} from '@grpc/grpc-js';
import { loadGsdk } from '@cmc/protos';
import type { Simulator, SimulatorOptions } from '../start-simulator.ts';
import { startTestSimulator } from '../testing/start-test-simulator.ts';

/** Test harness: a simulator on ephemeral ports and raw grpc-js clients over mutual TLS. */

export function tempDir(prefix = 'master-sim-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export async function startTestSim(
  certDir: string,
  options: Partial<SimulatorOptions> = {},
): Promise<Simulator> {
  return startTestSimulator({
    port: 0,
    controlPort: 0,
    reconnectDelayMs: 100,
    seed: 7,
    certDir,
    ...options,
  });
}

export interface Clients {
  login: Client;
  tenant: Client;
  gateway: Client;
  cm: Client;
  close(): void;
}

/** One channel per service, authenticated at the TLS layer with the given client pair. */
export function clients(
  sim: Simulator,
  pair: { cert: string; key: string } = { cert: sim.certs.adminCert, key: sim.certs.adminKey },
  caCert = sim.certs.caCert,
  channelOptions: Record<string, string | number> = {},
): Clients {
  const { grpc } = loadGsdk();
  const creds = credentials.createSsl(
    Buffer.from(caCert),
    Buffer.from(pair.key),
    Buffer.from(pair.cert),
  );
  // The server certificate names localhost; an IP address is not a valid TLS server name (RFC 6066).
  const options = {
    'grpc.ssl_target_name_override': 'localhost',
    'grpc.default_authority': 'localhost',
    ...channelOptions,
  };
  const login = new grpc.gsdk.login.Login(sim.address, creds, options);
  const tenant = new grpc.gsdk.tenant.Tenant(sim.address, creds, options);
  const gateway = new grpc.gsdk.gateway.Gateway(sim.address, creds, options);
  const cm = new grpc.gsdk.connect_master.ConnectMaster(sim.address, creds, options);
  return {
    login,
    tenant,
    gateway,
    cm,
    close: () => [login, tenant, gateway, cm].forEach((c) => c.close()),
  };
}

type UnaryFn = (
  req: unknown,
  md: Metadata,
  opts: { deadline: number },
  cb: (err: ServiceError | null, res: unknown) => void,
) => void;

/** A unary call with a deadline and (optionally) the `token` metadata. */
export function rpc<T = Record<string, unknown>>(
  client: Client,
  method: string,
  req: object = {},
  token?: string,
  deadlineMs = 10_000,
): Promise<T> {
  const md = new Metadata();
  if (token) md.set('token', token);
  const fn = (client as unknown as Record<string, UnaryFn>)[method];
  if (!fn) throw new Error(`no method ${method}`);
  return new Promise((resolve, reject) => {
    fn.call(client, req, md, { deadline: Date.now() + deadlineMs }, (err, res) =>
      err ? reject(err) : resolve(res as T),
    );
  });
}

export async function adminToken(
  c: Clients,
  sim: Simulator,
  tenantID = 'administrator',
): Promise<string> {
  const res = await rpc<{ jwtToken: string }>(c.login, 'LoginAdmin', {
    adminTenantCert: sim.certs.adminCert,
    tenantID,
  });
  return res.jwtToken;
}

/**
 * Login as a tenant. The master accepts only the certificate of the TLS session, so this logs in
 * over a channel of the tenant's own pair; the token then works on any channel (as `c`'s).
 */
export async function tenantToken(_c: Clients, sim: Simulator, tenantID: string): Promise<string> {
  const own = clients(sim, sim.certs.tenants[tenantID]!);
  try {
    const res = await rpc<{ jwtToken: string }>(own.login, 'Login', {
      tenantCert: sim.certs.tenants[tenantID]!.cert,
    });
    return res.jwtToken;
  } finally {
    own.close();
  }
}

export interface StatusEvent {
  deviceID?: number;
  gatewayID?: string;
  status: number;
  timestamp: number;
}

export interface Subscription<T> {
  events: T[];
  stream: ClientReadableStream<T>;
  /** Resolves with the first event (seen or future) matching pred. */
  waitFor(pred: (e: T) => boolean, timeoutMs?: number): Promise<T>;
  /** Resolves with the status the stream ended with. */
  ended: Promise<{ code: number; details: string }>;
  cancel(): void;
}

type StreamFn = (req: unknown, md: Metadata) => ClientReadableStream<unknown>;

export function subscribe<T = StatusEvent>(
  client: Client,
  token: string | undefined,
  queueSize = 0,
): Subscription<T> {
  const md = new Metadata();
  if (token) md.set('token', token);
  const stream = (client as unknown as Record<string, StreamFn>).SubscribeStatus!.call(
    client,
    { queueSize },
    md,
  ) as ClientReadableStream<T>;
  const events: T[] = [];
  const waiters = new Set<{ pred: (e: T) => boolean; resolve: (e: T) => void }>();
  stream.on('data', (e: T) => {
    events.push(e);
    for (const w of waiters)
      if (w.pred(e)) {
        waiters.delete(w);
        w.resolve(e);
      }
  });
  const ended = new Promise<{ code: number; details: string }>((resolve) => {
    stream.on('error', (err: ServiceError) => resolve({ code: err.code, details: err.details }));
    stream.on('status', (s: { code: number; details: string }) =>
      resolve({ code: s.code, details: s.details }),
    );
  });
  return {
    events,
    stream,
    ended,
    waitFor(pred, timeoutMs = 5000) {
      const seen = events.find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const w = { pred, resolve: (e: T) => (clearTimeout(timer), resolve(e)) };
        const timer = setTimeout(() => {
          waiters.delete(w);
          reject(
            new Error(
              `no matching status event within ${timeoutMs} ms; got ${JSON.stringify(events.slice(-10))}`,
            ),
          );
        }, timeoutMs);
        waiters.add(w);
      });
    },
    cancel: () => stream.cancel(),
  };
}

/** Waits until the server has registered n subscribers (subscription is async after the call starts). */
export async function untilSubscribers(
  sim: Simulator,
  kind: 'device' | 'gateway',
  n: number,
  timeoutMs = 5000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (sim.control.streams()[kind].length < n) {
    if (Date.now() > end) throw new Error(`expected ${n} ${kind} subscribers`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const Status = {
  DISCONNECTED: 0,
  TCP_CONNECTED: 1,
  TLS_CONNECTED: 2,
  TCP_CANNOT_CONNECT: 0x100,
  TCP_NOT_ALLOWED: 0x101,
  TLS_CANNOT_CONNECT: 0x200,
  TLS_NOT_ALLOWED: 0x201,
} as const;

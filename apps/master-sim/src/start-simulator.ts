import type { Server as HttpServer } from 'node:http';
import type { Server as GrpcServer } from '@grpc/grpc-js';
import { TokenService } from './auth/token-service.ts';
import { CertRegistry } from './certs/cert-registry.ts';
import { ensureCertificates } from './certs/ensure-certificates.ts';
import { unavailable } from './errors.ts';
import { startControlServer } from './control/http-server.ts';
import { createSimControl, type SimControl } from './control/sim-control.ts';
import type { SimContext } from './grpc/context.ts';
import { startGrpcServer, stopGrpcServer } from './grpc/server.ts';
import { demoScenario } from './scenario/demo-scenario.ts';
import { loadScenario, parseScenario } from './scenario/load-scenario.ts';
import type { ParsedScenario, Scenario } from './scenario/schema.ts';
import { hostPort, isLoopbackHost } from './util/ip.ts';
import { mulberry32 } from './util/prng.ts';
import { buildWorld } from './world/build-world.ts';
import { Churn } from './world/churn.ts';
import type { EmittedStatus } from './world/model.ts';

export interface SimulatorOptions {
  /** Default 127.0.0.1. The control API binds here too and refuses anything but loopback. */
  host?: string;
  /** gRPC port; 0 = ephemeral. Default 4010. */
  port?: number;
  /** HTTP control port; 0 = ephemeral. Default 4011. */
  controlPort?: number;
  /** Certificates are generated here on first start and reused later. */
  certDir: string;
  /** A scenario object or a path to a JSON scenario file; default: the demo scenario. */
  scenario?: Scenario | string;
  /** JWT lifetime in seconds; default 3600. */
  tokenTtlSeconds?: number;
  /** Async reconnect / device-to-server redial delay; default 30000 (a real gateway's). */
  reconnectDelayMs?: number;
  /** Seed for flaky devices and churn. */
  seed?: number;
  /** Flaky devices stay up for a random time in this range (ms); default [20000, 60000]. */
  flakyUpMs?: [number, number];
  /** …and stay off the network for a random time in this range (ms); default [5000, 15000]. */
  flakyDownMs?: [number, number];
}

export interface Simulator {
  /** '127.0.0.1:<port>' */
  address: string;
  port: number;
  controlPort: number;
  /** 'http://127.0.0.1:<controlPort>' */
  controlUrl: string;
  certDir: string;
  /** PEM strings. */
  certs: {
    caCert: string;
    adminCert: string;
    adminKey: string;
    tenants: Record<string, { cert: string; key: string }>;
  };
  control: SimControl;
  /** Every device status change with its high-resolution emit time (for benchmarks). Returns an unsubscribe. */
  onEmit(listener: (change: EmittedStatus) => void): () => void;
  /** Expires every token issued so far: the next call with one is UNAUTHENTICATED "token expired". */
  expireTokens(): void;
  stop(): Promise<void>;
}

function checkRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  return value;
}

/** The scenario a simulator runs: the demo's when none is given, a file's when a path is. */
export function resolveScenario(scenario: Scenario | string | undefined): ParsedScenario {
  if (scenario === undefined) return parseScenario(demoScenario(), 'demo scenario');
  if (typeof scenario === 'string') return loadScenario(scenario);
  return parseScenario(scenario);
}

/** Starts the master-gateway simulator: gRPC over mutual TLS plus the loopback control API. */
export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const host = options.host ?? '127.0.0.1';
  const port = checkRange('port', options.port ?? 4010, 0, 65535);
  const controlPort = checkRange('controlPort', options.controlPort ?? 4011, 0, 65535);
  const tokenTtlSeconds = checkRange(
    'tokenTtlSeconds',
    options.tokenTtlSeconds ?? 3600,
    1,
    10 * 365 * 86400,
  );
  const reconnectDelayMs = checkRange(
    'reconnectDelayMs',
    options.reconnectDelayMs ?? 30_000,
    1,
    3_600_000,
  );
  if (!isLoopbackHost(host))
    throw new Error(
      `the control API binds only to loopback; host ${host} is not a loopback address`,
    );
  if (!options.certDir) throw new Error('certDir is required');

  const scenario = resolveScenario(options.scenario);
  const certs = ensureCertificates(options.certDir, scenario.tenants);
  const registry = new CertRegistry({ cert: certs.caCert, key: certs.caKey });
  registry.record('tenant', 'administrator', certs.adminCert);
  for (const [id, pair] of Object.entries(certs.tenants)) registry.record('tenant', id, pair.cert);

  const random = mulberry32(options.seed ?? Date.now());
  const world = buildWorld(
    scenario,
    {
      reconnectDelayMs,
      flakyUpMs: options.flakyUpMs ?? [20_000, 60_000],
      flakyDownMs: options.flakyDownMs ?? [5_000, 15_000],
    },
    random,
  );
  const churn = new Churn(world);
  const control = createSimControl(world, churn);
  const ctx: SimContext = {
    world,
    tokens: new TokenService(tokenTtlSeconds),
    certs,
    registry,
    searches: new Set(),
  };

  let grpc: { server: GrpcServer; port: number } | undefined;
  let http: { server: HttpServer; port: number } | undefined;
  try {
    grpc = await startGrpcServer(ctx, host, port);
    http = await startControlServer(control, host, controlPort);
  } catch (err) {
    churn.stop();
    world.stop();
    if (grpc) grpc.server.forceShutdown();
    throw err;
  }
  const grpcServer = grpc.server;
  const httpServer = http.server;

  let stopping: Promise<void> | undefined;
  return {
    address: hostPort(host, grpc.port),
    port: grpc.port,
    controlPort: http.port,
    controlUrl: `http://${hostPort(host, http.port)}`,
    certDir: options.certDir,
    certs: {
      caCert: certs.caCert,
      adminCert: certs.adminCert,
      adminKey: certs.adminKey,
      tenants: certs.tenants,
    },
    control,
    onEmit: (listener) => world.onEmit(listener),
    expireTokens: () => ctx.tokens.expireAll(),
    stop() {
      stopping ??= (async () => {
        churn.stop();
        world.stop();
        for (const finish of [...ctx.searches]) finish(unavailable('the master is shutting down'));
        world.deviceHub.breakAll('the master is shutting down');
        world.gatewayHub.breakAll('the master is shutting down');
        httpServer.closeAllConnections();
        await Promise.all([
          stopGrpcServer(grpcServer),
          new Promise<void>((r) => httpServer.close(() => r())),
        ]);
      })();
      return stopping;
    },
  };
}

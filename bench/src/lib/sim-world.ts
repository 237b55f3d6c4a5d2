// The simulator with a large world (by default 10,000 devices over 100 gateways and 10 tenants; the
// size is an option), in the coordinating process, recording every emitted change with the
// simulator's own high-resolution emit time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateLargeWorld, startSimulator, type Simulator } from '@cmc/master-sim';
import { ChangeLog } from './growable.ts';

/** How big a world a scenario runs on; every summary entry names it (`worldLabel`). */
export interface WorldSize {
  gateways: number;
  devices: number;
  tenants: number;
}

/** The world of issue 6's targets. */
export const WORLD_10K: WorldSize = { gateways: 100, devices: 10_000, tenants: 10 };
/** The world of issue 12's targets. */
export const WORLD_100K: WorldSize = { gateways: 100, devices: 100_000, tenants: 10 };

/** "(10,000 devices)": the suffix every summary entry carries. */
export function worldLabel(size: Pick<WorldSize, 'devices'>): string {
  return `(${size.devices.toLocaleString('en-US')} devices)`;
}

export interface SimWorld {
  sim: Simulator;
  size: WorldSize;
  dir: string;
  /** gatewayID -> tenantID of the world. */
  tenantOf: Record<string, string>;
  /** deviceID -> tenantID (through its gateway): which emits a tenant viewer should receive. */
  tenantOfDevice: Map<number, string>;
  tenants: string[];
  deviceCount: number;
  emits: ChangeLog;
  recording: boolean;
  churn(changesPerSecond: number): Promise<void>;
  /** Ends every SubscribeStatus stream (control API); subscribers resubscribe with fresh queues. */
  breakStreams(): Promise<void>;
  /** Changes the master dropped so far from its per-subscriber queues (device streams). */
  masterDrops(): number;
  stop(): Promise<void>;
}

async function control(base: string, path: string, body?: object): Promise<void> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    ...(body
      ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
      : {}),
  });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
}

let certCache: string | undefined;
/**
 * One certificate directory for every world of this process: the simulator generates its CA, server,
 * admin and tenant keys in JavaScript (a second or more of CPU per world) and reuses what it finds.
 */
function sharedCertDir(): string {
  if (!certCache) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmc-bench-certs-'));
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    certCache = dir;
  }
  return certCache;
}

/** Removes the shared certificates now (a test runner's worker may end without an 'exit' event). */
export function removeSharedCerts(): void {
  if (certCache) fs.rmSync(certCache, { recursive: true, force: true });
  certCache = undefined;
}

export async function startSimWorld(size: WorldSize = WORLD_10K): Promise<SimWorld> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmc-bench-'));
  const scenario = generateLargeWorld({ ...size, seed: 1 });
  // Flaky devices are parked (an hour up) so the changes are exactly the churn we ask for.
  const sim = await startSimulator({
    certDir: sharedCertDir(),
    port: 0,
    controlPort: 0,
    scenario,
    seed: 42,
    // Retries of unreachable or refused devices re-emit the same status (not a change); an hour
    // between retries keeps them out of the measured window.
    reconnectDelayMs: 3_600_000,
    flakyUpMs: [3_600_000, 3_600_001],
  });
  const tenantOf = Object.fromEntries(
    (scenario.gateways ?? []).map((g) => [g.gatewayID, g.tenantID ?? 'administrator']),
  );
  const tenantOfDevice = new Map(
    (scenario.devices ?? []).map((d) => [d.deviceID, tenantOf[d.gatewayID] ?? 'administrator']),
  );
  const world: SimWorld = {
    sim,
    size,
    dir,
    tenantOf,
    tenantOfDevice,
    tenants: scenario.tenants ?? [],
    deviceCount: scenario.devices?.length ?? 0,
    emits: new ChangeLog(),
    recording: false,
    // Through the HTTP control API, as an operator would drive it.
    churn: (changesPerSecond) => control(sim.controlUrl, '/churn', { changesPerSecond }),
    breakStreams: () => control(sim.controlUrl, '/streams/break'),
    masterDrops: () => sim.control.streams().device.reduce((n, s) => n + s.dropped, 0),
    async stop() {
      await sim.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  sim.onEmit((e) => {
    if (world.recording) world.emits.push(e.deviceID, e.status, e.emittedAt);
  });
  return world;
}

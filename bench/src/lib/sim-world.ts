// The simulator with the large world (10,000 devices over 100 gateways), in the coordinating
// process, recording every emitted change with the simulator's own high-resolution emit time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateLargeWorld, startSimulator, type Simulator } from '@cmc/master-sim';
import { ChangeLog } from './growable.ts';

export interface SimWorld {
  sim: Simulator;
  dir: string;
  /** gatewayID -> tenantID of the world. */
  tenantOf: Record<string, string>;
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

export async function startSimWorld(): Promise<SimWorld> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmc-bench-'));
  const scenario = generateLargeWorld({ gateways: 100, devices: 10_000, seed: 1 });
  // Flaky devices are parked (an hour up) so the changes are exactly the churn we ask for.
  const sim = await startSimulator({
    certDir: path.join(dir, 'certs'),
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
  const world: SimWorld = {
    sim,
    dir,
    tenantOf,
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

// Shared steps of the live scenarios: client processes, clock alignment and one measured level.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { forkChild, type ChildRpc } from './child-rpc.ts';
import { now, sleep } from './clock.ts';
import type { Distribution } from './stats.ts';
import type { SimWorld } from './sim-world.ts';
import type { MasterAccess } from './raw-gsdk.ts';
import { emitsByTenant } from './tenant-emits.ts';

const CLIENTS_MAIN = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../clients/clients-main.ts',
);

let pool: { idle: ChildRpc[]; all: ChildRpc[] } | undefined;

/**
 * From now on client processes are reused: `close()` resets one and keeps it for the next scenario
 * (the smoke run, where starting a process costs more CPU than the scenario). Returns what ends them
 * all. A measured run never pools: every scenario gets fresh processes.
 */
export function poolClientsProcesses(): () => Promise<void> {
  const p: { idle: ChildRpc[]; all: ChildRpc[] } = { idle: [], all: [] };
  pool = p;
  return async () => {
    pool = undefined;
    await Promise.all(p.all.map((c) => c.close()));
  };
}

export function startClientsProcess(): ChildRpc {
  if (!pool) return forkChild(CLIENTS_MAIN);
  const p = pool;
  let rpc = p.idle.pop();
  if (!rpc) p.all.push((rpc = forkChild(CLIENTS_MAIN)));
  const taken = rpc;
  return {
    ...taken,
    close: async () => {
      await taken.call('reset');
      p.idle.push(taken);
    },
  };
}

export function masterAccess(world: SimWorld): MasterAccess {
  const { caCert, adminCert, adminKey } = world.sim.certs;
  return { address: world.sim.address, caCert, adminCert, adminKey };
}

/** Child clock minus ours, from the IPC round trip with the smallest delay. */
export async function clockOffset(child: ChildRpc): Promise<{ offsetMs: number; rttMs: number }> {
  let best = { offsetMs: 0, rttMs: Infinity };
  for (let i = 0; i < 20; i++) {
    const t0 = now();
    const { now: tc } = await child.call<{ now: number }>('clock');
    const t1 = now();
    if (t1 - t0 < best.rttMs) best = { offsetMs: tc - (t0 + t1) / 2, rttMs: t1 - t0 };
  }
  return best;
}

export interface LevelTiming {
  warmupMs: number;
  measureMs: number;
  tailMs: number;
  graceMs: number;
  /** Arrivals are over once no process logged one for this long (default 300 ms). */
  quietMs?: number;
}

export const DEFAULT_TIMING: LevelTiming = {
  warmupMs: 1000,
  measureMs: 10_000,
  tailMs: 1000,
  graceMs: 2000,
};

/** What one client process saw in a level (see clients-main.ts `match`). */
export interface WatcherResult {
  offsetMs: number;
  /** Event-loop delay of that client process while recording: high means its own arrivals are late. */
  loopDelay: { p50: number; p99: number; max: number };
  sockets?: {
    clients: number;
    /** How many of the clients are administrators (the rest are tenant viewers). */
    admins: number;
    latency: Distribution;
    lost: number;
    /** Changes the clients should have received in all (each client counts its own). */
    expected: number;
    gaps: number;
    /** Sessions no longer connected when the level ended. */
    disconnected: number;
    /** `deltas` frames the lean load sessions received while recording (one BFF write each). */
    leanFrames?: number;
  };
  floor?: { latency: Distribution; lost: number; errors: string[] };
  poll?: { latency: Distribution; missed: number; polls: number };
}

export interface LevelResult {
  rate: number;
  /** Epoch ms when the measured window began (compare with BffProcess.startedAt for profiles). */
  measuredFrom: number;
  emitted: number;
  achievedRate: number;
  /** 1-minute load average at the end of the level: this machine is shared, read figures with it. */
  loadAvg: number;
  /** Changes the master's own per-subscriber queues dropped during the measured window. */
  masterDrops: number;
  /** How long after the grace period arrivals went on (clients behind), until quiet. */
  drainMs: number;
  watchers: Record<string, WatcherResult>;
  /** What hooks.measure returned at the end of the measured window. */
  window?: unknown;
}

export interface LevelHooks {
  /** At the start and the end of the measured window (e.g. the BFF probe); results kept as `window`. */
  measure?: () => Promise<unknown>;
  /** Just before the streams are broken (e.g. to start watching for the resync). */
  beforeBreak?: () => Promise<unknown>;
  /** After the streams were broken at the end of a level: wait until the watchers are back. */
  resync: () => Promise<unknown>;
}

/** Level hooks for socket.io clients through the BFF: wait until the BFF re-read the state and is live. */
export function bffResync(probe: ChildRpc, bff: { probe(): Promise<unknown> }): LevelHooks {
  return {
    measure: () => bff.probe(),
    beforeBreak: () => probe.call('expectResync'),
    resync: () => probe.call('waitLive'),
  };
}

/** Level hooks for the raw floor streams: subscribe again (a broken raw stream stays broken). */
export function floorResync(probe: ChildRpc, world: SimWorld): LevelHooks {
  return {
    resync: () => probe.call('floor', { access: masterAccess(world), tenants: world.tenants }),
  };
}

/**
 * One level: churn at `rate`; emits are recorded only in the steady middle (after a warm-up, before
 * the tail), arrivals until a grace period after churn stops, then joined in each client process.
 * The burst of restorations when churn stops is not recorded, so it is not counted as load.
 */
export async function runLevel(
  world: SimWorld,
  watchers: Record<string, ChildRpc>,
  rate: number,
  hooks: LevelHooks,
  timing: LevelTiming = DEFAULT_TIMING,
): Promise<LevelResult> {
  const procs = Object.entries(watchers);
  const offsets = Object.fromEntries(
    await Promise.all(
      procs.map(async ([name, p]) => [name, (await clockOffset(p)).offsetMs] as const),
    ),
  );
  world.emits.clear();
  await Promise.all(procs.map(([, p]) => p.call('record', { on: true })));
  await world.churn(rate);
  await sleep(timing.warmupMs);
  await hooks.measure?.();
  world.recording = true;
  const drops = world.masterDrops();
  const from = now();
  await sleep(timing.measureMs);
  world.recording = false;
  const seconds = (now() - from) / 1000;
  const window = await hooks.measure?.();
  const masterDrops = world.masterDrops() - drops;
  const loadAvg = os.loadavg()[0]!;
  await sleep(timing.tailMs);
  await world.churn(0);
  await sleep(timing.graceMs);
  // Clients that fall behind (1,000 sessions parsing on two cores) still receive late changes:
  // they count as late, not lost, so recording goes on until nothing more arrives.
  const drainMs = await waitQuiet(
    procs.map(([, p]) => p),
    timing.quietMs ?? 300,
  );
  await Promise.all(procs.map(([, p]) => p.call('record', { on: false })));
  const emits = world.emits.toPlain();
  const byTenant = emitsByTenant(emits, world.tenantOfDevice);
  const results: Record<string, WatcherResult> = {};
  for (const [name, p] of procs) {
    const offsetMs = offsets[name]!;
    results[name] = {
      offsetMs,
      ...(await p.call<Omit<WatcherResult, 'offsetMs'>>(
        'match',
        { emits, byTenant, offsetMs },
        300_000,
      )),
    };
  }
  // The restoration burst overflows the master's queues (it drops silently, and nobody can tell),
  // so every level starts from a fresh subscription that re-read the true state.
  await hooks.beforeBreak?.();
  await world.breakStreams();
  await hooks.resync();
  // A line per level: a long run shows where it is.
  process.stdout.write(
    `  level ${rate}/s (${procs.map(([n]) => n).join(', ')}): achieved ${Math.round(emits.times.length / seconds)}/s, load ${loadAvg.toFixed(1)}\n`,
  );
  return {
    rate,
    measuredFrom: from,
    emitted: emits.times.length,
    achievedRate: emits.times.length / seconds,
    loadAvg,
    masterDrops,
    drainMs,
    watchers: results,
    window,
  };
}

/** Waits (up to 30 s) until no process logged a change for `quietMs`; returns how long it waited. */
async function waitQuiet(procs: ChildRpc[], quietMs: number): Promise<number> {
  const started = now();
  const count = async () =>
    (await Promise.all(procs.map((p) => p.call<{ count: number }>('arrivals')))).reduce(
      (n, r) => n + r.count,
      0,
    );
  let last = await count();
  while (now() - started < 30_000) {
    await sleep(quietMs);
    const next = await count();
    if (next === last) break;
    last = next;
  }
  return now() - started;
}

/** An unmeasured level right after start-up (JIT, first history writes, lazy state): its figures are dropped. */
export async function warmUp(
  world: SimWorld,
  watchers: Record<string, ChildRpc>,
  hooks: LevelHooks,
  timing: LevelTiming = WARMUP_TIMING,
): Promise<void> {
  await runLevel(world, watchers, 1000, hooks, timing);
}

export const WARMUP_TIMING: LevelTiming = {
  warmupMs: 0,
  measureMs: 4000,
  tailMs: 0,
  graceMs: 1000,
};

/**
 * The smoke runs of the tests: the same steps, a fraction of a second each (a few changes per
 * session still cross every path: at the smoke rates 400 ms is 80-160 emits).
 */
export const SMOKE_TIMING: LevelTiming = {
  warmupMs: 100,
  measureMs: 400,
  tailMs: 0,
  graceMs: 200,
  quietMs: 100,
};

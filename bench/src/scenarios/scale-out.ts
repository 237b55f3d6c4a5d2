// Scenario 7 (issue 12): two BFF instances on one real redis-server (loopback, ephemeral port) and
// one SQLite file, on the 100,000-device world, 1,000 changes/s, 200 sessions split over both
// instances (a mix of administrators and tenant viewers, light join snapshots). A probe session (an
// administrator) on each instance has a process of its own: instance 1 took the master streams'
// leases (it started first), instance 2 gets every change relayed through Redis. Baseline: the raw
// SubscribeStatus floor at the same rate, measured before the BFFs start.
import crypto from 'node:crypto';
import path from 'node:path';
import { startBffProcess, type BffProbe, type BffProcess } from '../lib/bff-process.ts';
import type { ChildRpc } from '../lib/child-rpc.ts';
import {
  floorResync,
  masterAccess,
  runLevel,
  startClientsProcess,
  warmUp,
  type LevelHooks,
} from '../lib/coordinator.ts';
import { connectSpread, describeMix, LIGHT_JOIN } from '../lib/fleet-plan.ts';
import { isMain, runMain } from '../lib/main-guard.ts';
import { startRawWitness, witnessColumns, type RawWitness } from '../lib/raw-witness.ts';
import { UsageSampler } from '../lib/proc-stats.ts';
import { startRedisServer } from '../lib/redis-server.ts';
import { entry, printTable, summaryRows, writeResult, type SummaryEntry } from '../lib/results.ts';
import { pick, timingFor, worldFor, type ScenarioOptions } from '../lib/scenario-options.ts';
import { startSimWorld, worldLabel, WORLD_100K } from '../lib/sim-world.ts';
import { viewerMix } from '../lib/tenant-emits.ts';
import { signInViewers } from '../lib/viewers.ts';
import { ADMIN_EVERY, MIX } from './latency-100k.ts';
import { benchEnv } from '../env.ts';

const RATE = 1000;

/** Resync of every instance: each probe waits until its own BFF re-read the state and is live. */
function bothResync(probes: ChildRpc[], bffs: BffProcess[]): LevelHooks {
  return {
    measure: () => Promise.all(bffs.map((b) => b.probe())),
    beforeBreak: () => Promise.all(probes.map((p) => p.call('expectResync'))),
    resync: () => Promise.all(probes.map((p) => p.call('waitLive'))),
  };
}

export async function runScaleOut(options: ScenarioOptions = {}): Promise<SummaryEntry[]> {
  const SESSIONS = pick(options, 200, 6);
  const timing = timingFor(options);
  const world = await startSimWorld(worldFor(options, WORLD_100K));
  const label = worldLabel(world.size);
  const probes = [startClientsProcess(), startClientsProcess()];
  const loads = [startClientsProcess(), startClientsProcess()];
  const redis = await startRedisServer();
  const bffs: BffProcess[] = [];
  let witness: RawWitness | undefined;
  try {
    const floorProbe = probes[0]!;
    await floorProbe.call('floor', { access: masterAccess(world), tenants: world.tenants });
    const floor = await runLevel(
      world,
      { probe: floorProbe },
      RATE,
      floorResync(floorProbe, world),
      timing,
    );
    await floorProbe.call('stopBaselines');

    const env = {
      REDIS_URL: redis.url,
      SESSION_SECRET: crypto.randomBytes(36).toString('base64'),
      DATA_DIR: path.join(world.dir, 'bff-shared'),
    };
    // The first alone: it creates the database and the admin account, and takes the leases.
    for (let i = 0; i < 2; i++)
      bffs.push(await startBffProcess(world, { cpuProfileDir: options.cpuProfileDir, env }));
    const cookies = await signInViewers(bffs[0]!.url, world.tenants);
    await Promise.all(
      probes.map((p, i) =>
        p.call('sockets', {
          url: bffs[i]!.url,
          cookies,
          viewers: [{ kind: 'admin' }],
          auth: LIGHT_JOIN,
        }),
      ),
    );
    // The other sessions: half on each instance, each half over both load processes.
    const rest = viewerMix(SESSIONS - 2, world.tenants, ADMIN_EVERY);
    const halves = [rest.filter((_, i) => i % 2 === 0), rest.filter((_, i) => i % 2 === 1)];
    const joinMs = await Promise.all(
      halves.map((h, i) => connectSpread(loads, bffs[i]!.url, cookies, h, LIGHT_JOIN)),
    );
    witness = await startRawWitness(world);
    const watchers = {
      probe1: probes[0]!,
      probe2: probes[1]!,
      load1: loads[0]!,
      load2: loads[1]!,
      raw: witness.rpc,
    };
    const hooks = witness.around(bothResync(probes, bffs));
    if (!options.smoke) await warmUp(world, watchers, hooks);
    const usage = bffs.map((b) => new UsageSampler(b.pid));
    usage.forEach((u) => u.start());
    const level = await runLevel(world, watchers, RATE, hooks, timing);
    const bffUsage = usage.map((u) => u.stop());
    await Promise.all([...probes, ...loads].map((p) => p.call('closeSockets')));

    const f = floor.watchers.probe!.floor!;
    const lost = Object.values(level.watchers).reduce((n, w) => n + (w.sockets?.lost ?? 0), 0);
    const window = level.window as BffProbe[];
    const rows = [1, 2].map((n) => {
      const p = level.watchers[`probe${n}`]!.sockets!;
      return {
        instance: n === 1 ? '1 (holds the leases)' : '2 (relayed through Redis)',
        sessions: SESSIONS / 2,
        achieved: Math.round(level.achievedRate),
        'floor p50': f.latency.p50,
        'floor p99': f.latency.p99,
        ...witnessColumns(level.watchers.raw),
        'probe p50': p.latency.p50,
        'probe p99': p.latency.p99,
        'probe max': p.latency.max,
        'probe lost': p.lost,
        'bff cpu%': bffUsage[n - 1]!.cpuPercent,
        'bff rss MB': bffUsage[n - 1]!.rssMBMax,
        'bff loop p99': window[n - 1]!.loopDelayMs.p99,
        'join s': joinMs[n - 1]! / 1000,
      };
    });
    printTable(
      `Two BFF instances on Redis, ${RATE} changes/s, ${SESSIONS} sessions (${describeMix(rest)} + 2 admin probes), ${label}`,
      rows,
    );
    const targets = [1, 2].flatMap((n) => {
      const p = level.watchers[`probe${n}`]!.sockets!.latency;
      const which = n === 1 ? 'instance 1 of 2 (lease holder)' : 'instance 2 of 2 (relayed)';
      return [
        entry({
          name: `scaled out: status latency p50 at 1,000 changes/s, ${SESSIONS} sessions (${MIX}) over 2 BFFs, probe on ${which} ${label}`,
          measured: p.p50,
          unit: 'ms',
          target: '<= 3',
          baseline: f.latency.p50,
          baselineIs: 'raw gRPC SubscribeStatus p50 (floor), same rate',
          met: p.p50 <= 3,
        }),
        entry({
          name: `scaled out: status latency p99 at 1,000 changes/s, ${SESSIONS} sessions (${MIX}) over 2 BFFs, probe on ${which} ${label}`,
          measured: p.p99,
          unit: 'ms',
          target: '<= 15',
          baseline: f.latency.p99,
          baselineIs: 'raw gRPC SubscribeStatus p99 (floor), same rate',
          met: p.p99 <= 15,
        }),
      ];
    });
    targets.push(
      entry({
        name: `scaled out: changes lost at 1,000 changes/s, ${SESSIONS} sessions (${MIX}) over 2 BFFs ${label}`,
        measured: lost,
        unit: 'changes',
        target: '= 0',
        baseline: f.lost,
        baselineIs: 'changes the raw gRPC floor lost, same rate',
        met: lost === 0,
      }),
    );
    printTable('Targets', summaryRows(targets));
    writeResult(
      'scale-out',
      {
        config: {
          world: world.size,
          rate: RATE,
          sessions: SESSIONS,
          adminEvery: ADMIN_EVERY,
          join: LIGHT_JOIN,
          timing,
        },
        rows,
        floor,
        level,
        bffUsage,
        targets,
      },
      options.smoke?.resultsDir,
    );
    return targets;
  } finally {
    for (const b of bffs.reverse()) await b.stop();
    await redis.stop();
    await Promise.all([...probes, ...loads].map((p) => p.close()));
    await witness?.rpc.close();
    await world.stop();
  }
}

if (isMain(import.meta.url))
  runMain(() => runScaleOut({ cpuProfileDir: benchEnv.cpuProfileDir() }));

// Scenario 1: live-status latency from the simulator's emit to a socket.io client through the BFF,
// at 100, 1,000 and 5,000 changes/s with 50 clients, against a raw SubscribeStatus floor and 5 s
// polling measured in the same run (before the BFF starts, so the floor has the machine to itself).
// One probe client sits in its own process; the other 49 share a load process, whose own parsing
// can make its arrivals late, so both figures are reported.
import { startBffProcess, signIn, type BffProbe } from '../lib/bff-process.ts';
import {
  bffResync,
  floorResync,
  masterAccess,
  runLevel,
  startClientsProcess,
  warmUp,
  type LevelResult,
} from '../lib/coordinator.ts';
import { isMain, runMain } from '../lib/main-guard.ts';
import { UsageSampler, type UsageSummary } from '../lib/proc-stats.ts';
import { entry, printTable, summaryRows, writeResult, type SummaryEntry } from '../lib/results.ts';
import { pick, timingFor, worldFor, type ScenarioOptions } from '../lib/scenario-options.ts';
import { startSimWorld, worldLabel, WORLD_10K } from '../lib/sim-world.ts';
import { benchEnv } from '../env.ts';

export async function runLatency(options: ScenarioOptions = {}): Promise<SummaryEntry[]> {
  const RATES = pick(options, [100, 1000, 5000], [1000]);
  const CLIENTS = pick(options, 50, 3);
  const POLL_INTERVAL_MS = pick(options, 5000, 300);
  const timing = timingFor(options);
  const world = await startSimWorld(worldFor(options, WORLD_10K));
  const label = worldLabel(world.size);
  const probe = startClientsProcess();
  const load = startClientsProcess();
  try {
    const access = masterAccess(world);
    // Floor first, alone: the poller's 100 list reads every 5 s would stall the same event loops.
    await probe.call('floor', { access, tenants: world.tenants });
    if (!options.smoke) await warmUp(world, { probe }, floorResync(probe, world));
    const baselines: LevelResult[] = [];
    for (const rate of RATES)
      baselines.push(await runLevel(world, { probe }, rate, floorResync(probe, world), timing));
    await probe.call('stopBaselines');
    await probe.call('poll', { access, tenantOf: world.tenantOf, intervalMs: POLL_INTERVAL_MS });
    // Polls need no resync: each poll reads the whole truth.
    const polled = await runLevel(
      world,
      { probe },
      1000,
      { resync: async () => {} },
      { ...timing, measureMs: 3 * POLL_INTERVAL_MS },
    );
    await probe.call('stopBaselines');

    const bff = await startBffProcess(world, { cpuProfileDir: options.cpuProfileDir });
    let devices = 0;
    const ours: Array<
      LevelResult & { bff: UsageSummary; loadProcess: UsageSummary; profileSeconds: number[] }
    > = [];
    try {
      const cookie = await signIn(bff.url);
      devices = (
        await probe.call<{ devices: number }>('sockets', { url: bff.url, cookie, count: 1 })
      ).devices;
      if (devices === 0) throw new Error('the socket.io snapshot holds no devices');
      await load.call('sockets', { url: bff.url, cookie, count: CLIENTS - 1 }, 300_000);
      if (!options.smoke) await warmUp(world, { probe, load }, bffResync(probe, bff));
      for (const rate of RATES) {
        const bffUsage = new UsageSampler(bff.pid);
        const loadUsage = new UsageSampler(load.pid);
        bffUsage.start();
        loadUsage.start();
        const level = await runLevel(world, { probe, load }, rate, bffResync(probe, bff), timing);
        ours.push({
          ...level,
          profileSeconds: [
            (level.measuredFrom - bff.startedAt) / 1000,
            (level.measuredFrom - bff.startedAt) / 1000 + timing.measureMs / 1000,
          ],
          bff: bffUsage.stop(),
          loadProcess: loadUsage.stop(),
        });
      }
      await probe.call('closeSockets');
      await load.call('closeSockets');
    } finally {
      await bff.stop();
    }

    const rows = RATES.map((rate, i) => {
      const f = baselines[i]!.watchers.probe!.floor!;
      const o = ours[i]!;
      const p = o.watchers.probe!.sockets!;
      const l = o.watchers.load!.sockets!;
      const poll = polled.watchers.probe!.poll!;
      return {
        'changes/s': rate,
        achieved: Math.round(o.achievedRate),
        'floor p50': f.latency.p50,
        'floor p99': f.latency.p99,
        'floor lost': f.lost,
        'poll p50': rate === 1000 ? poll.latency.p50 : undefined,
        'poll p99': rate === 1000 ? poll.latency.p99 : undefined,
        'poll missed': rate === 1000 ? poll.missed : undefined,
        'probe p50': p.latency.p50,
        'probe p95': p.latency.p95,
        'probe p99': p.latency.p99,
        'added p99': p.latency.p99 - f.latency.p99,
        'p99/floor': p.latency.p99 / f.latency.p99,
        [`all ${CLIENTS} p50`]: (p.latency.p50 + (CLIENTS - 1) * l.latency.p50) / CLIENTS,
        [`${CLIENTS - 1} load p99`]: l.latency.p99,
        lost: p.lost + l.lost,
        gaps: p.gaps + l.gaps,
        'master drops': o.masterDrops,
        'bff cpu%': o.bff.cpuPercent,
        'bff rss MB': o.bff.rssMBMax,
        'bff heap MB': (o.window as BffProbe).memoryMB.heapUsed,
        'bff loop p99': (o.window as BffProbe).loopDelayMs.p99,
        'bff loop max': (o.window as BffProbe).loopDelayMs.max,
        'bff gc ms': (o.window as BffProbe).gc.totalMs,
        'load proc cpu%': o.loadProcess.cpuPercent,
        'load proc loop p99': o.watchers.load!.loopDelay.p99,
        load: o.loadAvg,
      };
    });
    printTable(
      `Status latency (ms), emit -> arrival, ${CLIENTS} clients (1 probe + ${CLIENTS - 1} in a load process)`,
      rows,
    );

    const at1000 = RATES.indexOf(1000);
    const o = ours[at1000]!.watchers;
    const probeLat = o.probe!.sockets!.latency;
    const lost = o.probe!.sockets!.lost + o.load!.sockets!.lost;
    const f = baselines[at1000]!.watchers.probe!.floor!;
    const pollMissed = polled.watchers.probe!.poll!.missed;
    const targets = [
      entry({
        name: `status latency p99 at 1,000 changes/s, ${CLIENTS} clients (probe) ${label}`,
        measured: probeLat.p99,
        unit: 'ms',
        target: '<= 25',
        baseline: f.latency.p99,
        baselineIs: 'raw gRPC SubscribeStatus p99 (floor)',
        met: probeLat.p99 <= 25,
      }),
      entry({
        name: `status latency p50 at 1,000 changes/s, ${CLIENTS} clients (probe) ${label}`,
        measured: probeLat.p50,
        unit: 'ms',
        target: '<= 12',
        baseline: f.latency.p50,
        baselineIs: 'raw gRPC SubscribeStatus p50 (floor)',
        met: probeLat.p50 <= 12,
      }),
      entry({
        name: `changes lost at 1,000 changes/s, ${CLIENTS} clients ${label}`,
        measured: lost,
        unit: 'changes',
        target: '= 0',
        baseline: pollMissed,
        baselineIs: `changes never seen by ${POLL_INTERVAL_MS / 1000} s polling`,
        met: lost === 0,
      }),
    ];
    printTable('Targets', summaryRows(targets));
    writeResult(
      'latency',
      {
        config: {
          world: world.size,
          rates: RATES,
          clients: CLIENTS,
          pollIntervalMs: POLL_INTERVAL_MS,
          timing,
        },
        snapshotDevices: devices,
        rows,
        baselines,
        polled,
        ours,
        targets,
      },
      options.smoke?.resultsDir,
    );
    return targets;
  } finally {
    await probe.close();
    await load.close();
    await world.stop();
  }
}

if (isMain(import.meta.url)) runMain(() => runLatency({ cpuProfileDir: benchEnv.cpuProfileDir() }));

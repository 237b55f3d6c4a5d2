// Scenario 2: fan-out to 1, 50 and 200 socket.io sessions at 1,000 changes/s: p99 latency, BFF CPU
// and RSS, and the number of status streams the master serves (one per tenant, whatever the clients).
// One probe session has a process of its own; the others share a load process.
import { startBffProcess, signIn, type BffProbe } from '../lib/bff-process.ts';
import {
  bffResync,
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

const RATE = 1000;

interface FanoutLevel extends LevelResult {
  clients: number;
  joinMs: number;
  bff: UsageSummary;
  loadProcess: UsageSummary;
  masterDeviceStreams: number;
  /** Window of this level in a BFF CPU profile (seconds after the BFF started). */
  profileSeconds: number[];
}

export async function runFanout(options: ScenarioOptions = {}): Promise<SummaryEntry[]> {
  const LEVELS = pick(options, [1, 50, 200], [1, 3]);
  const timing = timingFor(options);
  const world = await startSimWorld(worldFor(options, WORLD_10K));
  const label = worldLabel(world.size);
  const probe = startClientsProcess();
  const load = startClientsProcess();
  const bff = await startBffProcess(world, { cpuProfileDir: options.cpuProfileDir });
  try {
    const cookie = await signIn(bff.url);
    await probe.call('sockets', { url: bff.url, cookie, count: 1 });
    if (!options.smoke) await warmUp(world, { probe }, bffResync(probe, bff));
    const levels: FanoutLevel[] = [];
    let connected = 1;
    for (const count of LEVELS) {
      const started = performance.now();
      if (count > connected)
        await load.call('sockets', { url: bff.url, cookie, count: count - connected }, 600_000);
      const joinMs = performance.now() - started;
      connected = count;
      const bffUsage = new UsageSampler(bff.pid);
      const loadUsage = new UsageSampler(load.pid);
      bffUsage.start();
      loadUsage.start();
      const watchers: Record<string, typeof probe> = count > 1 ? { probe, load } : { probe };
      const level = await runLevel(world, watchers, RATE, bffResync(probe, bff), timing);
      const streams = world.sim.control.streams().device.length;
      levels.push({
        ...level,
        profileSeconds: [
          (level.measuredFrom - bff.startedAt) / 1000,
          (level.measuredFrom - bff.startedAt) / 1000 + timing.measureMs / 1000,
        ],
        clients: count,
        joinMs,
        bff: bffUsage.stop(),
        loadProcess: loadUsage.stop(),
        masterDeviceStreams: streams,
      });
    }
    await probe.call('closeSockets');
    await load.call('closeSockets');

    const rows = levels.map((l) => {
      const p = l.watchers.probe!.sockets!;
      const ld = l.watchers.load?.sockets;
      return {
        clients: l.clients,
        'changes/s': Math.round(l.achievedRate),
        'probe p50': p.latency.p50,
        'probe p99': p.latency.p99,
        'probe max': p.latency.max,
        'load p50': ld?.latency.p50,
        'load p99': ld?.latency.p99,
        lost: p.lost + (ld?.lost ?? 0),
        gaps: p.gaps + (ld?.gaps ?? 0),
        'master drops': l.masterDrops,
        'bff cpu%': l.bff.cpuPercent,
        'bff cpu% max': l.bff.cpuPercentMax,
        'bff rss MB': l.bff.rssMBMax,
        'bff heap MB': (l.window as BffProbe).memoryMB.heapUsed,
        'bff loop p99': (l.window as BffProbe).loopDelayMs.p99,
        'bff loop max': (l.window as BffProbe).loopDelayMs.max,
        'bff gc ms': (l.window as BffProbe).gc.totalMs,
        'load proc cpu%': l.loadProcess.cpuPercent,
        'load proc loop p99': l.watchers.load?.loopDelay.p99,
        'master streams': l.masterDeviceStreams,
        'join s': l.joinMs / 1000,
        load: l.loadAvg,
      };
    });
    printTable(`Fan-out at ${RATE} changes/s (latency ms)`, rows);

    const one = levels[0]!;
    const top = levels[levels.length - 1]!;
    const topP99 = top.watchers.probe!.sockets!.latency.p99;
    const topLost = top.watchers.probe!.sockets!.lost + (top.watchers.load?.sockets?.lost ?? 0);
    const targets = [
      entry({
        name: `status latency p99 at 1,000 changes/s, ${top.clients} clients (probe) ${label}`,
        measured: topP99,
        unit: 'ms',
        target: '<= 25, nothing lost',
        baseline: one.watchers.probe!.sockets!.latency.p99,
        baselineIs: 'same with 1 client',
        met: topP99 <= 25 && topLost === 0,
      }),
      entry({
        name: `BFF RSS with ${top.clients} clients at 1,000 changes/s ${label}`,
        measured: top.bff.rssMBMax,
        unit: 'MB',
        target: '<= 250',
        baseline: one.bff.rssMBMax,
        baselineIs: 'same with 1 client',
        met: top.bff.rssMBMax <= 250,
      }),
      entry({
        name: `device-status streams to the master with ${top.clients} clients ${label}`,
        measured: top.masterDeviceStreams,
        unit: 'streams',
        target: `= ${world.tenants.length} (one per tenant)`,
        baseline: one.masterDeviceStreams,
        baselineIs: 'same with 1 client',
        met:
          top.masterDeviceStreams === world.tenants.length &&
          one.masterDeviceStreams === world.tenants.length,
      }),
    ];
    printTable('Targets', summaryRows(targets));
    writeResult(
      'fanout',
      { config: { world: world.size, levels: LEVELS, rate: RATE, timing }, rows, levels, targets },
      options.smoke?.resultsDir,
    );
    return targets;
  } finally {
    await bff.stop();
    await probe.close();
    await load.close();
    await world.stop();
  }
}

if (isMain(import.meta.url)) runMain(() => runFanout({ cpuProfileDir: benchEnv.cpuProfileDir() }));

// Scenario 5 (issue 12): live-status latency on the 100,000-device world. First the raw
// SubscribeStatus floor alone at 1,000 and 10,000 changes/s (before the BFF starts); then through
// the BFF: 200 sessions at 1,000 changes/s, then 1,000 sessions at 10,000 changes/s. One probe
// session (an administrator: it sees every change) has a process of its own; the other sessions are
// a mix of administrators and tenant viewers spread over load processes, all with the light join
// snapshot the web app asks for. Every level records the churn rate the simulator achieved.
import { startBffProcess, type BffProbe } from '../lib/bff-process.ts';
import {
  bffResync,
  floorResync,
  masterAccess,
  runLevel,
  startClientsProcess,
  warmUp,
  type LevelResult,
} from '../lib/coordinator.ts';
import { connectSpread, describeMix, LIGHT_JOIN } from '../lib/fleet-plan.ts';
import { startRawWitness, witnessColumns, witnessed, type RawWitness } from '../lib/raw-witness.ts';
import { loadSessionStats } from '../lib/load-session-stats.ts';
import { isMain, runMain } from '../lib/main-guard.ts';
import { UsageSampler, type UsageSummary } from '../lib/proc-stats.ts';
import { entry, printTable, summaryRows, writeResult, type SummaryEntry } from '../lib/results.ts';
import { pick, timingFor, worldFor, type ScenarioOptions } from '../lib/scenario-options.ts';
import { startSimWorld, worldLabel, WORLD_100K } from '../lib/sim-world.ts';
import { viewerMix } from '../lib/tenant-emits.ts';
import { signInViewers } from '../lib/viewers.ts';
import { benchEnv } from '../env.ts';

/** One session in this many is an administrator; the rest are tenant viewers. */
export const ADMIN_EVERY = 20;
/**
 * One process holds every lean load session (it scans frames at a fraction of socket.io-client's
 * cost); full socket.io load sessions (BENCH_LOAD_CLIENTS=socket.io, the old way) needed two.
 */
const LOAD_PROCESSES = benchEnv.loadClients() === 'lean' ? 1 : 2;
/** How entry names describe the sessions. */
export const MIX = `1 in ${ADMIN_EVERY} an admin, the rest tenant viewers`;

interface Level extends LevelResult {
  sessions: number;
  mix: string;
  joinMs: number;
  bff: UsageSummary;
  /**
   * CPU over the measured window of the BFF ('bff') and of each client process: load processes
   * that take the cores from the BFF make its latency theirs.
   */
  clientCpu: Record<string, UsageSummary>;
  profileSeconds: number[];
}

export async function runLatency100k(options: ScenarioOptions = {}): Promise<SummaryEntry[]> {
  const LEVELS = pick(
    options,
    [
      { rate: 1000, sessions: 200 },
      { rate: 10_000, sessions: 1000 },
    ],
    // Slow rates on the tiny world: at 2,000/s its 400 devices would flip within one batch window.
    [
      { rate: 200, sessions: 4 },
      { rate: 400, sessions: 8 },
    ],
  );
  const timing = timingFor(options);
  const world = await startSimWorld(worldFor(options, WORLD_100K));
  const label = worldLabel(world.size);
  const probe = startClientsProcess();
  const loads = Array.from({ length: LOAD_PROCESSES }, () => startClientsProcess());
  let witness: RawWitness | undefined;
  try {
    await probe.call('floor', { access: masterAccess(world), tenants: world.tenants });
    const floors: LevelResult[] = [];
    for (const { rate } of LEVELS)
      floors.push(await runLevel(world, { probe }, rate, floorResync(probe, world), timing));
    await probe.call('stopBaselines');

    const bff = await startBffProcess(world, { cpuProfileDir: options.cpuProfileDir });
    const levels: Level[] = [];
    try {
      const cookies = await signInViewers(bff.url, world.tenants);
      await probe.call('sockets', {
        url: bff.url,
        cookies,
        viewers: [{ kind: 'admin' }],
        auth: LIGHT_JOIN,
      });
      witness = await startRawWitness(world);
      const around = witness.around;
      const watchers = Object.fromEntries([
        ['probe', probe],
        ['raw', witness.rpc],
        ...loads.map((p, i) => [`load${i + 1}`, p] as const),
      ]);
      let connected = 1;
      let warmed = false;
      for (const { rate, sessions } of LEVELS) {
        // The mix of the whole fleet, of which the sessions not yet connected are added now.
        const all = viewerMix(sessions - 1, world.tenants, ADMIN_EVERY);
        const joinMs = await connectSpread(
          loads,
          bff.url,
          cookies,
          all.slice(connected - 1),
          LIGHT_JOIN,
        );
        connected = sessions;
        if (!warmed && !options.smoke) await warmUp(world, watchers, around(bffResync(probe, bff)));
        warmed = true;
        const usage = new UsageSampler(bff.pid);
        usage.start();
        // CPU of every process over the measured window only (not the drain and matching after it).
        const windowUsage = [
          ['bff', bff.pid] as const,
          ...Object.entries(watchers).map(([name, p]) => [name, p.pid] as const),
        ].map(([name, pid]) => [name, new UsageSampler(pid)] as const);
        const clientCpu: Record<string, UsageSummary> = {};
        const hooks = around(bffResync(probe, bff));
        let measures = 0;
        const level = await runLevel(
          world,
          watchers,
          rate,
          {
            ...hooks,
            measure: async () => {
              if (measures++ === 0) for (const [, u] of windowUsage) u.start();
              else for (const [name, u] of windowUsage) clientCpu[name] = u.stop();
              return hooks.measure?.();
            },
          },
          timing,
        );
        levels.push({
          ...level,
          sessions,
          mix: `1 admin probe + ${describeMix(all)}`,
          joinMs,
          bff: usage.stop(),
          clientCpu,
          profileSeconds: [
            (level.measuredFrom - bff.startedAt) / 1000,
            (level.measuredFrom - bff.startedAt) / 1000 + timing.measureMs / 1000,
          ],
        });
      }
      await Promise.all([probe, ...loads].map((p) => p.call('closeSockets')));
    } finally {
      await bff.stop();
    }

    const rows = levels.map((l, i) => {
      const f = floors[i]!;
      const p = l.watchers.probe!.sockets!;
      const ld = loadSessionStats(l.watchers);
      return {
        'changes/s': l.rate,
        achieved: Math.round(l.achievedRate),
        'floor achieved': Math.round(f.achievedRate),
        sessions: l.sessions,
        'floor p50': f.watchers.probe!.floor!.latency.p50,
        'floor p99': f.watchers.probe!.floor!.latency.p99,
        ...witnessColumns(l.watchers.raw),
        'raw lost': witnessed(l.watchers.raw).lost,
        'probe p50': p.latency.p50,
        'probe p99': p.latency.p99,
        'probe max': p.latency.max,
        'load p99 (worst process)': ld.p99,
        lost: p.lost + ld.lost,
        'changes due to sessions': p.expected + ld.expected,
        gaps: p.gaps + ld.gaps,
        disconnected: p.disconnected + ld.disconnected,
        'master drops': l.masterDrops,
        'bff cpu%': l.bff.cpuPercent,
        'bff rss MB': l.bff.rssMBMax,
        'bff loop p99': (l.window as BffProbe).loopDelayMs.p99,
        'bff gc ms': (l.window as BffProbe).gc.totalMs,
        'load loop p99': ld.loopP99,
        // How often the BFF writes to one load session: each frame is one write per session.
        'frames/s per load session':
          ld.sessions > 0 ? ld.frames / ld.sessions / (timing.measureMs / 1000) : 0,
        'load cpu%': Object.entries(l.clientCpu)
          .filter(([n]) => n.startsWith('load'))
          .reduce((n, [, u]) => n + u.cpuPercent, 0),
        'probe cpu%': l.clientCpu.probe?.cpuPercent ?? 0,
        'bff cpu% (window)': l.clientCpu.bff?.cpuPercent ?? 0,
        'join s': l.joinMs / 1000,
        'drain s': l.drainMs / 1000,
        load: l.loadAvg,
      };
    });
    printTable(`Status latency (ms) through the BFF, ${label}`, rows);

    const [low, high] = [levels[0]!, levels[1]!];
    const [floorLow, floorHigh] = [
      floors[0]!.watchers.probe!.floor!,
      floors[1]!.watchers.probe!.floor!,
    ];
    const lowP = low.watchers.probe!.sockets!.latency;
    const highP = high.watchers.probe!.sockets!;
    const highLost = highP.lost + loadSessionStats(high.watchers).lost;
    const at = (l: Level) =>
      `${l.rate.toLocaleString('en-US')} changes/s, ${l.sessions.toLocaleString('en-US')} sessions (${MIX})`;
    const targets = [
      entry({
        name: `status latency p50 at ${at(low)} (probe) ${label}`,
        measured: lowP.p50,
        unit: 'ms',
        target: '<= 3',
        baseline: floorLow.latency.p50,
        baselineIs: 'raw gRPC SubscribeStatus p50 (floor), same rate',
        met: lowP.p50 <= 3,
      }),
      entry({
        name: `status latency p99 at ${at(low)} (probe) ${label}`,
        measured: lowP.p99,
        unit: 'ms',
        target: '<= 15',
        baseline: floorLow.latency.p99,
        baselineIs: 'raw gRPC SubscribeStatus p99 (floor), same rate',
        met: lowP.p99 <= 15,
      }),
      entry({
        name: `status latency p99 at ${at(high)} (probe) ${label}`,
        measured: highP.latency.p99,
        unit: 'ms',
        target: '<= 50',
        baseline: floorHigh.latency.p99,
        baselineIs: 'raw gRPC SubscribeStatus p99 (floor), same rate',
        met: highP.latency.p99 <= 50,
      }),
      entry({
        name: `changes lost at ${at(high)} ${label}`,
        measured: highLost,
        unit: 'changes',
        target: '= 0',
        baseline: floorHigh.lost,
        baselineIs: 'changes the raw gRPC floor lost, same rate',
        met: highLost === 0,
      }),
      entry({
        name: `BFF RSS at ${at(high)} ${label}`,
        measured: high.bff.rssMBMax,
        unit: 'MB',
        target: '<= 400',
        baseline: low.bff.rssMBMax,
        baselineIs: `same BFF at ${at(low)}`,
        met: high.bff.rssMBMax <= 400,
      }),
      entry({
        name: `churn achieved at the ${high.rate.toLocaleString('en-US')} changes/s level ${label}`,
        measured: high.achievedRate,
        unit: 'changes/s',
        target: `>= ${(high.rate * 0.95).toLocaleString('en-US')} (95 % of asked)`,
        baseline: floors[1]!.achievedRate,
        baselineIs: 'achieved in the floor level, same rate asked',
        met: high.achievedRate >= high.rate * 0.95,
      }),
    ];
    printTable('Targets', summaryRows(targets));
    writeResult(
      'latency-100k',
      {
        config: {
          world: world.size,
          levels: LEVELS,
          adminEvery: ADMIN_EVERY,
          loadProcesses: LOAD_PROCESSES,
          loadClients: benchEnv.loadClients(),
          join: LIGHT_JOIN,
          timing,
        },
        rows,
        floors,
        levels,
        targets,
      },
      options.smoke?.resultsDir,
    );
    return targets;
  } finally {
    await probe.close();
    await Promise.all(loads.map((p) => p.close()));
    await witness?.rpc.close();
    await world.stop();
  }
}

if (isMain(import.meta.url))
  runMain(() => runLatency100k({ cpuProfileDir: benchEnv.cpuProfileDir() }));

// Scenario 2: fan-out to 1, 50 and 200 socket.io sessions at 1,000 changes/s: p99 latency, BFF CPU
// and RSS, and the number of status streams the master serves (one per tenant, whatever the clients).
import { startBffProcess, signIn } from '../lib/bff-process.ts';
import { bffResync, runLevel, startClientsProcess, DEFAULT_TIMING, type LevelResult } from '../lib/coordinator.ts';
import { isMain, runMain } from '../lib/main-guard.ts';
import { rssMB, UsageSampler, type UsageSummary } from '../lib/proc-stats.ts';
import { entry, printTable, summaryRows, writeResult, type SummaryEntry } from '../lib/results.ts';
import { startSimWorld } from '../lib/sim-world.ts';

const LEVELS = [1, 50, 200];
const RATE = 1000;

interface FanoutLevel extends LevelResult {
  clients: number;
  joinMs: number;
  bff: UsageSummary;
  clientProcess: UsageSummary;
  idleRssMB: number;
  masterDeviceStreams: number;
}

export async function runFanout(options: { cpuProfileDir?: string } = {}): Promise<SummaryEntry[]> {
  const world = await startSimWorld();
  const clients = startClientsProcess();
  const bff = await startBffProcess(world, options);
  try {
    const cookie = await signIn(bff.url);
    const levels: FanoutLevel[] = [];
    let connected = 0;
    for (const count of LEVELS) {
      const joined = await clients.call<{ joinMs: number }>('sockets', { url: bff.url, cookie, count: count - connected }, 300_000);
      connected = count;
      const idleRssMB = rssMB(bff.pid);
      const sampler = new UsageSampler(bff.pid);
      const clientSampler = new UsageSampler(clients.pid);
      sampler.start();
      clientSampler.start();
      const level = await runLevel(world, clients, RATE, bffResync(clients));
      const streams = world.sim.control.streams().device.length;
      levels.push({ ...level, clients: count, joinMs: joined.joinMs, bff: sampler.stop(), clientProcess: clientSampler.stop(), idleRssMB, masterDeviceStreams: streams });
    }
    await clients.call('closeSockets');

    const rows = levels.map((l) => ({
      clients: l.clients,
      'changes/s': Math.round(l.achievedRate),
      p50: l.sockets?.latency.p50,
      p99: l.sockets?.latency.p99,
      max: l.sockets?.latency.max,
      lost: l.sockets?.lost,
      'master drops': l.masterDrops,
      gaps: l.sockets?.gaps,
      load: l.loadAvg,
      'bff cpu%': l.bff.cpuPercent,
      'bff cpu% max': l.bff.cpuPercentMax,
      'bff rss MB': l.bff.rssMBMax,
      'clients cpu%': l.clientProcess.cpuPercent,
      'master streams': l.masterDeviceStreams,
      'join s': l.joinMs / 1000,
    }));
    printTable(`Fan-out at ${RATE} changes/s (latency ms)`, rows);

    const one = levels[0]!;
    const top = levels[levels.length - 1]!;
    const targets = [
      entry({ name: 'status latency p99 at 1,000 changes/s, 200 clients', measured: top.sockets!.latency.p99, unit: 'ms', target: '<= 25', baseline: one.sockets!.latency.p99, baselineIs: 'same with 1 client', met: top.sockets!.latency.p99 <= 25 && top.sockets!.lost === 0 }),
      entry({ name: 'BFF RSS with 200 clients at 1,000 changes/s', measured: top.bff.rssMBMax, unit: 'MB', target: '<= 250', baseline: one.bff.rssMBMax, baselineIs: 'same with 1 client', met: top.bff.rssMBMax <= 250 }),
      entry({ name: 'device-status streams to the master with 200 clients', measured: top.masterDeviceStreams, unit: 'streams', target: `= ${world.tenants.length} (one per tenant)`, baseline: one.masterDeviceStreams, baselineIs: 'same with 1 client', met: top.masterDeviceStreams === world.tenants.length && one.masterDeviceStreams === world.tenants.length }),
    ];
    printTable('Targets', summaryRows(targets));
    writeResult('fanout', { config: { levels: LEVELS, rate: RATE, timing: DEFAULT_TIMING }, rows, levels, targets });
    return targets;
  } finally {
    await bff.stop();
    await clients.close();
    await world.stop();
  }
}

if (isMain(import.meta.url)) runMain(() => runFanout({ cpuProfileDir: process.env.BENCH_CPU_PROFILE_DIR }));

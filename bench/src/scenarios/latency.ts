// Scenario 1: live-status latency from the simulator's emit to a socket.io client through the BFF,
// at 100, 1,000 and 5,000 changes/s with 50 clients, against a raw SubscribeStatus floor and 5 s
// polling measured in the same run (before the BFF starts, so the floor has the machine to itself).
import { startBffProcess, signIn } from '../lib/bff-process.ts';
import { bffResync, DEFAULT_TIMING, floorResync, masterAccess, runLevel, startClientsProcess, type LevelResult } from '../lib/coordinator.ts';
import { isMain, runMain } from '../lib/main-guard.ts';
import { UsageSampler } from '../lib/proc-stats.ts';
import { entry, printTable, summaryRows, writeResult, type SummaryEntry } from '../lib/results.ts';
import { startSimWorld } from '../lib/sim-world.ts';

const RATES = [100, 1000, 5000];
const CLIENTS = 50;
const POLL_INTERVAL_MS = 5000;

export async function runLatency(options: { cpuProfileDir?: string } = {}): Promise<SummaryEntry[]> {
  const world = await startSimWorld();
  const clients = startClientsProcess();
  try {
    const access = masterAccess(world);
    // Floor first, alone: the poller's 100 list reads every 5 s would stall the same event loops.
    await clients.call('floor', { access, tenants: world.tenants });
    const baselines: LevelResult[] = [];
    for (const rate of RATES) baselines.push(await runLevel(world, clients, rate, floorResync(clients, world)));
    await clients.call('stopBaselines');
    await clients.call('poll', { access, tenantOf: world.tenantOf, intervalMs: POLL_INTERVAL_MS });
    // Polls need no resync: each poll reads the whole truth.
    const polled = await runLevel(world, clients, 1000, { resync: async () => {} }, { ...DEFAULT_TIMING, measureMs: 3 * POLL_INTERVAL_MS });
    await clients.call('stopBaselines');

    const bff = await startBffProcess(world, options);
    let joined = { joinMs: 0, devices: 0 };
    const ours: Array<LevelResult & { bff: ReturnType<UsageSampler['stop']> }> = [];
    try {
      const cookie = await signIn(bff.url);
      joined = await clients.call<{ joinMs: number; devices: number }>('sockets', { url: bff.url, cookie, count: CLIENTS });
      if (joined.devices === 0) throw new Error('the socket.io snapshot holds no devices');
      for (const rate of RATES) {
        const sampler = new UsageSampler(bff.pid);
        sampler.start();
        const level = await runLevel(world, clients, rate, bffResync(clients));
        ours.push({ ...level, bff: sampler.stop() });
      }
      await clients.call('closeSockets');
    } finally {
      await bff.stop();
    }

    const rows = RATES.map((rate, i) => {
      const b = baselines[i]!;
      const o = ours[i]!;
      return {
        'changes/s': rate,
        achieved: Math.round(o.achievedRate),
        'floor p50': b.floor?.latency.p50,
        'floor p99': b.floor?.latency.p99,
        'floor lost': b.floor?.lost,
        'master drops (floor)': b.masterDrops,
        'poll p50': rate === 1000 ? polled.poll?.latency.p50 : undefined,
        'poll p99': rate === 1000 ? polled.poll?.latency.p99 : undefined,
        'poll missed': rate === 1000 ? polled.poll?.missed : undefined,
        [`bff p50 (${CLIENTS} cl)`]: o.sockets?.latency.p50,
        'bff p95': o.sockets?.latency.p95,
        'bff p99': o.sockets?.latency.p99,
        'bff max': o.sockets?.latency.max,
        lost: o.sockets?.lost,
        'master drops (bff)': o.masterDrops,
        gaps: o.sockets?.gaps,
        load: o.loadAvg,
        'added p99': (o.sockets?.latency.p99 ?? NaN) - (b.floor?.latency.p99 ?? NaN),
        'p99/floor': (o.sockets?.latency.p99 ?? NaN) / (b.floor?.latency.p99 ?? NaN),
        'bff cpu%': o.bff.cpuPercent,
        'bff rss MB': o.bff.rssMBMax,
      };
    });
    printTable('Status latency (ms), emit -> arrival', rows);

    const at1000 = RATES.indexOf(1000);
    const o = ours[at1000]!.sockets!;
    const f = baselines[at1000]!.floor!;
    const p = polled.poll!;
    const targets = [
      entry({ name: 'status latency p99 at 1,000 changes/s, 50 clients', measured: o.latency.p99, unit: 'ms', target: '<= 25', baseline: f.latency.p99, baselineIs: 'raw gRPC SubscribeStatus p99 (floor)', met: o.latency.p99 <= 25 }),
      entry({ name: 'status latency p50 at 1,000 changes/s, 50 clients', measured: o.latency.p50, unit: 'ms', target: '<= 12', baseline: f.latency.p50, baselineIs: 'raw gRPC SubscribeStatus p50 (floor)', met: o.latency.p50 <= 12 }),
      entry({ name: 'changes lost at 1,000 changes/s, 50 clients', measured: o.lost, unit: 'changes', target: '= 0', baseline: p.missed, baselineIs: 'changes never seen by 5 s polling', met: o.lost === 0 }),
    ];
    printTable('Targets', summaryRows(targets));
    writeResult('latency', { config: { rates: RATES, clients: CLIENTS, pollIntervalMs: POLL_INTERVAL_MS, timing: DEFAULT_TIMING }, snapshotDevices: joined.devices, rows, baselines, polled, ours, targets });
    return targets;
  } finally {
    await clients.close();
    await world.stop();
  }
}

if (isMain(import.meta.url)) runMain(() => runLatency({ cpuProfileDir: process.env.BENCH_CPU_PROFILE_DIR }));

// Scenario 6 (issue 12): start and recovery on the 100,000-device world.
// - Start: BFF process spawned -> /readyz 200 -> first live snapshot served to a socket that signed in
//   and joined every gateway (light snapshot, as the web app joins), three fresh starts.
// - Recovery: with churn at 1,000 changes/s, the master's status streams are broken
//   (POST /streams/break) and the churn stopped at once (its restorations happen while no stream is
//   open); then the time from the break until the BFF's statuses equal the master's truth read
//   directly (clients/convergence.ts), three times.
// Baseline for both: reading every gateway's GetDeviceList directly over raw grpc-js, same run.
import { startBffProcess, signIn, type BffProcess } from '../lib/bff-process.ts';
import type { DeviceListRounds } from '../clients/device-list-rounds.ts';
import type { Convergence } from '../clients/convergence.ts';
import { now, sleep } from '../lib/clock.ts';
import { masterAccess, startClientsProcess } from '../lib/coordinator.ts';
import { waitFirstLiveSnapshot } from '../lib/first-snapshot.ts';
import { isMain, runMain } from '../lib/main-guard.ts';
import { entry, printTable, summaryRows, writeResult, type SummaryEntry } from '../lib/results.ts';
import { pick, worldFor, type ScenarioOptions } from '../lib/scenario-options.ts';
import { startSimWorld, worldLabel, WORLD_100K } from '../lib/sim-world.ts';
import { distribution } from '../lib/stats.ts';
import { benchEnv } from '../env.ts';

const CHURN = 1000;

export async function runStartRecovery(options: ScenarioOptions = {}): Promise<SummaryEntry[]> {
  const STARTS = pick(options, 3, 1);
  const BREAKS = pick(options, 3, 1);
  const world = await startSimWorld(worldFor(options, WORLD_100K));
  const label = worldLabel(world.size);
  const clients = startClientsProcess();
  const access = masterAccess(world);
  let bff: BffProcess | undefined;
  try {
    const direct = await clients.call<DeviceListRounds>(
      'deviceListRounds',
      { access, tenantOf: world.tenantOf, paths: [], rounds: pick(options, 5, 1), warmup: 1 },
      300_000,
    );
    const starts: Array<{ readyMs: number; firstSnapshotMs: number; liveMs: number }> = [];
    for (let i = 0; i < STARTS; i++) {
      await bff?.stop();
      bff = await startBffProcess(world, {
        cpuProfileDir: options.cpuProfileDir,
        readyPollMs: 10,
      });
      const cookie = await signIn(bff.url);
      const snap = await waitFirstLiveSnapshot(bff.url, cookie);
      starts.push({
        readyMs: bff.readyAt - bff.startedAt,
        firstSnapshotMs: snap.firstAt - bff.startedAt,
        liveMs: snap.liveAt - bff.startedAt,
      });
    }
    const cookie = await signIn(bff!.url);
    const breaks: Convergence[] = [];
    for (let i = 0; i < BREAKS; i++) {
      await world.churn(CHURN);
      await sleep(pick(options, 3000, 500));
      const from = now();
      await world.breakStreams();
      await world.churn(0);
      breaks.push(
        await clients.call<Convergence>(
          'convergence',
          { bffUrl: bff!.url, cookie, access, tenantOf: world.tenantOf, from, timeoutMs: 30_000 },
          60_000,
        ),
      );
      await sleep(pick(options, 1000, 100));
    }

    const live = distribution(starts.map((s) => s.liveMs));
    const directRead = distribution([...direct.directTimes, ...breaks.map((b) => b.directReadMs)]);
    const converged = breaks.map((b) => b.convergedMs ?? Infinity);
    const recovery = distribution(converged);
    printTable(`BFF start, ${label} (ms from spawn)`, starts);
    printTable(
      `Recovery after a master stream break at ${CHURN} changes/s, ${label} (ms from the break)`,
      breaks.map((b) => ({ ...b, convergedMs: b.convergedMs ?? 'never' })),
    );
    printTable('Direct read of every GetDeviceList (ms)', [directRead]);
    const targets = [
      entry({
        name: `BFF ready: start to first live snapshot served (median of ${STARTS}) ${label}`,
        measured: live.p50,
        unit: 'ms',
        target: '<= 5000',
        baseline: directRead.p50,
        baselineIs: 'raw read of every GetDeviceList p50, same run',
        met: live.p50 <= 5000,
      }),
      entry({
        name: `state equal to the master's truth after a stream break (median of ${BREAKS}) ${label}`,
        measured: recovery.p50,
        unit: 'ms',
        target: '<= 5000',
        baseline: directRead.p50,
        baselineIs: 'raw read of every GetDeviceList p50, same run',
        met: recovery.p50 <= 5000,
      }),
    ];
    printTable('Targets', summaryRows(targets));
    writeResult(
      'start-recovery',
      {
        config: { world: world.size, starts: STARTS, breaks: BREAKS, churn: CHURN },
        starts,
        breaks,
        directRead,
        targets,
      },
      options.smoke?.resultsDir,
    );
    return targets;
  } finally {
    await bff?.stop();
    await clients.close();
    await world.stop();
  }
}

if (isMain(import.meta.url))
  runMain(() => runStartRecovery({ cpuProfileDir: benchEnv.cpuProfileDir() }));

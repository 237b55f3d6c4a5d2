// `pnpm bench`: every scenario in turn — issue 6's targets on the 10,000-device world, then issue
// 12's on the 100,000-device world — then the summary of this run's targets.
import { runMain } from './lib/main-guard.ts';
import { printTable, summaryRows, type SummaryEntry } from './lib/results.ts';
import { WORLD_100K } from './lib/sim-world.ts';
import { DIST_DIR, runBrowser } from './scenarios/browser.ts';
import { benchEnv } from './env.ts';
import { runDeviceList } from './scenarios/device-list.ts';
import { runFanout } from './scenarios/fanout.ts';
import { runFanoutFloor } from './scenarios/fanout-floor.ts';
import { runLatency } from './scenarios/latency.ts';
import { runLatency100k } from './scenarios/latency-100k.ts';
import { runScaleOut } from './scenarios/scale-out.ts';
import { runStartRecovery } from './scenarios/start-recovery.ts';

runMain(async () => {
  const dist = benchEnv.webDistDir() ?? DIST_DIR;
  const started = performance.now();
  const targets: SummaryEntry[] = [];
  for (const [name, run] of [
    ['latency', () => runLatency()],
    ['fanout', () => runFanout()],
    ['device-list', () => runDeviceList()],
    ['browser', () => runBrowser({}, undefined, dist)],
    ['latency-100k', () => runLatency100k()],
    // No target of its own: the reference for latency-100k's levels (bench/README.md).
    ['fanout-floor', () => runFanoutFloor().then(() => [])],
    ['device-list-100k', () => runDeviceList({}, WORLD_100K)],
    ['browser-100k', () => runBrowser({}, WORLD_100K, dist)],
    ['start-recovery', () => runStartRecovery()],
    ['scale-out', () => runScaleOut()],
  ] as const) {
    const t0 = performance.now();
    process.stdout.write(`\n=== ${name} ===\n`);
    targets.push(...(await run()));
    process.stdout.write(`=== ${name}: ${Math.round((performance.now() - t0) / 1000)} s\n`);
  }
  printTable(
    `Summary (bench/results/summary.json), ${Math.round((performance.now() - started) / 1000)} s`,
    summaryRows(targets),
  );
});

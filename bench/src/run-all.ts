// `pnpm bench`: every scenario in turn, then the summary of this run's targets.
import { runMain } from './lib/main-guard.ts';
import { printTable, summaryRows, type SummaryEntry } from './lib/results.ts';
import { runBrowser } from './scenarios/browser.ts';
import { runDeviceList } from './scenarios/device-list.ts';
import { runFanout } from './scenarios/fanout.ts';
import { runLatency } from './scenarios/latency.ts';

runMain(async () => {
  const started = performance.now();
  const targets: SummaryEntry[] = [];
  for (const [name, run] of [
    ['latency', runLatency],
    ['fanout', runFanout],
    ['device-list', runDeviceList],
    ['browser', runBrowser],
  ] as const) {
    process.stdout.write(`\n=== ${name} ===\n`);
    targets.push(...(await run()));
  }
  printTable(
    `Summary (bench/results/summary.json), ${Math.round((performance.now() - started) / 1000)} s`,
    summaryRows(targets),
  );
});

// Result files: bench/results/<name>.json per scenario, and summary.json gathered from them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { round } from './stats.ts';
import { benchEnv } from '../env.ts';

export const RESULTS_DIR =
  benchEnv.resultsDir() ??
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../results');

export interface SummaryEntry {
  name: string;
  measured: number;
  unit: string;
  /** Human-readable limit, e.g. "<= 25". */
  target: string;
  /** The same quantity for the baseline measured in the same run. */
  baseline: number | null;
  /** measured / baseline (null without a baseline or when it is 0). */
  ratio: number | null;
  met: boolean;
  /** What the baseline is. */
  baselineIs: string;
}

export function entry(e: Omit<SummaryEntry, 'ratio'>): SummaryEntry {
  const ratio =
    e.baseline && Number.isFinite(e.baseline) && e.baseline !== 0
      ? round(e.measured / e.baseline)
      : null;
  return {
    ...e,
    measured: round(e.measured),
    baseline: e.baseline === null ? null : round(e.baseline),
    ratio,
  };
}

export function machine(): Record<string, unknown> {
  return {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memGB: round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
  };
}

/** Scenario files in the order of summary.json: issue 6's targets (10,000 devices), then issue 12's. */
export const SCENARIO_ORDER = [
  'latency',
  'fanout',
  'device-list',
  'browser',
  'latency-100k',
  'device-list-100k',
  'browser-100k',
  'start-recovery',
  'scale-out',
];

/**
 * Writes <dir>/<name>.json and rebuilds <dir>/summary.json from every scenario file present
 * (dir: bench/results unless a smoke run gives its own).
 */
export function writeResult(
  name: string,
  result: { targets: SummaryEntry[] } & Record<string, unknown>,
  dir: string = RESULTS_DIR,
): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, `${name}.json`),
    `${JSON.stringify({ name, finishedAt: new Date().toISOString(), machine: machine(), ...result }, null, 2)}\n`,
  );
  const summary: Array<SummaryEntry & { scenario: string; finishedAt: string }> = [];
  for (const scenario of SCENARIO_ORDER) {
    const file = path.join(dir, `${scenario}.json`);
    if (!fs.existsSync(file)) continue;
    const r = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      finishedAt: string;
      targets: SummaryEntry[];
    };
    for (const t of r.targets) summary.push({ ...t, scenario, finishedAt: r.finishedAt });
  }
  fs.writeFileSync(path.join(dir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
}

/** Prints rows as an aligned text table. */
export function printTable(title: string, objects: object[]): void {
  const rows = objects as Array<Record<string, unknown>>;
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) =>
    typeof v === 'number' ? String(round(v)) : v === null || v === undefined ? '-' : String(v);
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i]!)).join('  ');
  process.stdout.write(
    `\n${title}\n${line(cols)}\n${line(widths.map((w) => '-'.repeat(w)))}\n${rows.map((r) => line(cols.map((c) => cell(r[c])))).join('\n')}\n`,
  );
}

export function summaryRows(targets: SummaryEntry[]): Array<Record<string, unknown>> {
  return targets.map((t) => ({
    target: t.name,
    measured: `${t.measured} ${t.unit}`,
    limit: t.target,
    baseline: t.baseline,
    ratio: t.ratio,
    met: t.met ? 'yes' : 'NO',
  }));
}

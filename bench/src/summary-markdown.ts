// `tsx src/summary-markdown.ts`: bench/results/summary.json as the Markdown table of the README.
import fs from 'node:fs';
import path from 'node:path';
import { RESULTS_DIR, type SummaryEntry } from './lib/results.ts';

const file = path.join(RESULTS_DIR, 'summary.json');
if (!fs.existsSync(file)) {
  process.stderr.write(`${file} does not exist: run pnpm bench first\n`);
  process.exit(2);
}
const rows = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<
  SummaryEntry & { scenario: string }
>;
const lines = [
  '| target | measured | limit | baseline (same run) | ratio | met |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${r.measured} ${r.unit} | ${r.target} | ${r.baseline ?? '-'} (${r.baselineIs}) | ${r.ratio ?? '-'} | ${r.met ? 'yes' : '**no**'} |`,
  ),
];
process.stdout.write(`${lines.join('\n')}\n`);

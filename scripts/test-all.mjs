#!/usr/bin/env node
// The README's test command: checks the system packages the tests need, then runs every suite in
// order and closes with one "N passed, N failed" line. Exit code 0 only when everything passed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureSystemPackages } from './system-packages.mjs';

const root = join(import.meta.dirname, '..');
const reports = join(root, '.data', 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

ensureSystemPackages([
  { bin: '/usr/bin/chromium', pkg: 'chromium', why: 'the e2e tests run in Debian Chromium' },
  {
    bin: '/usr/bin/redis-server',
    pkg: 'redis-server',
    why: 'the scale-out tests run a real Redis',
  },
]);

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

function run(name, command, args, options = {}) {
  const started = Date.now();
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...options.env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(
    `=== ${name}: ${ok ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${seconds} s`,
  );
  if (!ok) failedSteps.push(name);
  return ok;
}

/** Adds the counts of a Vitest JSON report. */
function countVitest(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

/** Adds the counts of a Playwright JSON report. */
function countPlaywright(file) {
  if (!existsSync(file)) return;
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  totals.failed += stats?.unexpected ?? 0;
  totals.skipped += stats?.skipped ?? 0;
}

run('typecheck', 'pnpm', ['-r', 'typecheck']);
run('lint', 'pnpm', ['exec', 'eslint', '.']);
run('format', 'pnpm', ['exec', 'prettier', '--check', '--log-level=warn', '.']);

const unitReport = join(reports, 'vitest.json');
run('unit and integration tests', 'pnpm', [
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${unitReport}`,
]);
countVitest(unitReport);

if (existsSync(join(root, 'e2e', 'playwright.config.ts'))) {
  if (run('web build', 'pnpm', ['-F', '@cmc/web', 'build'])) {
    const e2eReport = join(reports, 'playwright.json');
    run('e2e (Chromium)', 'pnpm', ['-F', '@cmc/e2e', 'test'], {
      env: { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport },
    });
    countPlaywright(e2eReport);
  }
}

if (existsSync(join(root, 'apps', 'bff', 'vitest.scale.config.ts'))) {
  const scaleReport = join(reports, 'scale.json');
  run('scale-out tests (Redis)', 'pnpm', [
    'test:scale',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${scaleReport}`,
  ]);
  countVitest(scaleReport);
}

console.log(`\nsteps failed: ${failedSteps.length === 0 ? 'none' : failedSteps.join(', ')}`);
if (totals.skipped > 0) console.log(`skipped tests: ${totals.skipped} (none should be)`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(failedSteps.length === 0 && totals.failed === 0 && totals.passed > 0 ? 0 : 1);

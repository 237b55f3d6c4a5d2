#!/usr/bin/env node
// The README's test command: checks the system packages the tests need, then runs every suite and
// closes with one "N passed, N failed" line. Exit code 0 only when everything passed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
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
/** "file › test: first line of the error", repeated in the closing lines where a log's tail shows it. */
const failedTests = [];
const firstLine = (text) =>
  stripVTControlCharacters(String(text ?? ''))
    .trim()
    .split('\n')[0] ?? '';
const runStarted = Date.now();

/**
 * Runs one step. `buffered`: its output is printed in one piece when it ends, so steps that run at
 * the same time do not interleave their lines.
 */
function run(name, command, args, options = {}) {
  const started = Date.now();
  const line = `${command} ${args.join(' ')}`;
  if (!options.buffered) console.log(`\n=== ${name}: ${line}`);
  const child = spawn(command, args, {
    cwd: root,
    stdio: options.buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...process.env, ...options.env },
  });
  const output = [];
  child.stdout?.on('data', (chunk) => output.push(chunk));
  child.stderr?.on('data', (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const ok = code === 0;
      if (options.buffered) {
        console.log(`\n=== ${name}: ${line}`);
        process.stdout.write(Buffer.concat(output));
      }
      console.log(`=== ${name}: ${ok ? 'ok' : `FAILED (exit ${code ?? signal})`} in ${seconds} s`);
      if (!ok) failedSteps.push(name);
      resolve(ok);
    });
  });
}

/** Adds the counts of a Vitest JSON report. */
function countVitest(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  for (const file of report.testResults ?? []) {
    const where = file.name.replace(`${root}/`, '');
    const failed = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const t of failed)
      failedTests.push(`${where} › ${t.fullName ?? t.title}: ${firstLine(t.failureMessages?.[0])}`);
    // A file that fails before any test runs (import error, hook timeout) has no failed test.
    if (file.status === 'failed' && failed.length === 0)
      failedTests.push(`${where}: ${firstLine(file.message)}`);
  }
}

/** Adds the counts of a Playwright JSON report. */
function countPlaywright(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const { stats } = report;
  totals.passed += (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  totals.failed += stats?.unexpected ?? 0;
  totals.skipped += stats?.skipped ?? 0;
  const walk = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? [])
        if (test.status === 'unexpected') {
          const error = test.results?.at(-1)?.error?.message;
          failedTests.push(`${spec.file} › ${spec.title}: ${firstLine(error)}`);
        }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
}

const hasE2e = existsSync(join(root, 'e2e', 'playwright.config.ts'));

// The static checks and the web build are single-threaded for most of their time: on two cores they
// run side by side. The Node packages share one tsc program (tsconfig.typecheck.json: their files
// were checked up to four times, once per package importing them); web, e2e and bench have DOM
// libraries and keep their own.
const [, , , , webBuilt] = await Promise.all([
  run('typecheck (Node packages)', 'pnpm', ['exec', 'tsc', '-p', 'tsconfig.typecheck.json'], {
    buffered: true,
  }),
  run(
    'typecheck (web, e2e, bench)',
    'pnpm',
    ['-r', '--filter', '@cmc/web', '--filter', '@cmc/e2e', '--filter', '@cmc/bench', 'typecheck'],
    { buffered: true },
  ),
  run('lint', 'pnpm', ['exec', 'eslint', '.'], { buffered: true }),
  run('format', 'pnpm', ['exec', 'prettier', '--check', '--log-level=warn', '.'], {
    buffered: true,
  }),
  hasE2e ? run('web build', 'pnpm', ['-F', '@cmc/web', 'build'], { buffered: true }) : false,
]);

const unitReport = join(reports, 'vitest.json');
await run('unit and integration tests', 'pnpm', [
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${unitReport}`,
]);
countVitest(unitReport);

if (webBuilt) {
  const e2eReport = join(reports, 'playwright.json');
  await run('e2e (Chromium)', 'pnpm', ['-F', '@cmc/e2e', 'test'], {
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport },
  });
  countPlaywright(e2eReport);
}

if (existsSync(join(root, 'apps', 'bff', 'vitest.scale.config.ts'))) {
  const scaleReport = join(reports, 'scale.json');
  await run('scale-out tests (Redis)', 'pnpm', [
    'test:scale',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${scaleReport}`,
  ]);
  countVitest(scaleReport);
}

const minutes = ((Date.now() - runStarted) / 60_000).toFixed(1);
console.log(`\nsteps failed: ${failedSteps.length === 0 ? 'none' : failedSteps.join(', ')}`);
if (failedTests.length > 0) console.log(`failed tests:\n  ${failedTests.join('\n  ')}`);
if (totals.skipped > 0) console.log(`skipped tests: ${totals.skipped} (none should be)`);
console.log(`${totals.passed} passed, ${totals.failed} failed in ${minutes} min`);
process.exit(failedSteps.length === 0 && totals.failed === 0 && totals.passed > 0 ? 0 : 1);

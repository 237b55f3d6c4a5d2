import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './src/chromium-args.ts';
import { e2eEnv } from './src/env.ts';

// Debian's Chromium, never a downloaded browser. Specs 01-10 share one simulator world and walk
// through it in order, so their project has one worker; the later specs each start their own stack
// (src/own-stack.ts) and run beside them. Playwright hands a free worker the first file in config
// order that its project may still run: the shared world keeps one worker until it is done (about a
// third of the run), then both workers take own-stack files instead of one worker running those
// alone for the rest of the run. Never more than two browsers at once on a 2-core machine.
const SHARED_WORLD = /\/(0[1-9]|10)-[^/]*\.spec\.ts$/;

export default defineConfig({
  testDir: './tests',
  globalSetup: './src/global-setup.ts',
  workers: 2,
  fullyParallel: false,
  projects: [
    { name: 'shared-world', testMatch: SHARED_WORLD, workers: 1 },
    { name: 'own-stack', testIgnore: SHARED_WORLD, workers: 2 },
  ],
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // scripts/test-all.mjs asks for a JSON report (PLAYWRIGHT_JSON_OUTPUT_NAME) to count the results.
  reporter: e2eEnv.jsonReport() ? [['list'], ['json']] : [['list']],
  outputDir: './test-results',
  use: {
    browserName: 'chromium',
    viewport: { width: 1400, height: 900 },
    screenshot: 'only-on-failure',
    // A trace is recorded for every test and kept for a failed one. Its screencast (a JPEG of the
    // page many times a second, encoded by Chromium) cost more CPU than the tests themselves on two
    // cores; the DOM snapshot of each action and the failure screenshot stay.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true },
    launchOptions: {
      executablePath: e2eEnv.chromiumPath(),
      args: [...CHROMIUM_ARGS],
    },
  },
});

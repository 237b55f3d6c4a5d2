import { defineConfig } from '@playwright/test';
import { e2eEnv } from './src/env.ts';

// Debian's Chromium, never a downloaded browser. Specs 01-10 share one simulator world and walk
// through it in order, so their project has one worker; the later specs each start their own stack
// (src/own-stack.ts) and run in a second worker beside them, which roughly halves the e2e time.
const SHARED_WORLD = /\/(0[1-9]|10)-[^/]*\.spec\.ts$/;

export default defineConfig({
  testDir: './tests',
  globalSetup: './src/global-setup.ts',
  workers: 2,
  fullyParallel: false,
  projects: [
    { name: 'shared-world', testMatch: SHARED_WORLD, workers: 1 },
    { name: 'own-stack', testIgnore: SHARED_WORLD, workers: 1 },
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
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: e2eEnv.chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});

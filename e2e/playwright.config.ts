import { defineConfig } from '@playwright/test';
import { e2eEnv } from './src/env.ts';

// Debian's Chromium, never a downloaded browser; one worker because the tests share one simulator
// world and walk through it in order.
export default defineConfig({
  testDir: './tests',
  globalSetup: './src/global-setup.ts',
  workers: 1,
  fullyParallel: false,
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

import { test as base, expect, type Page } from '@playwright/test';
import { e2eEnv } from './env.ts';
import { ADMIN, VIEWER } from './stack.ts';

export { expect };
/**
 * Every run saves the page screenshots as artifacts under test-results/; `E2E_UPDATE_SCREENSHOTS=1`
 * writes them to screenshots/ instead, the copies the READMEs show, so a plain test run leaves the
 * working tree clean.
 */
export const SCREENSHOTS = new URL(
  e2eEnv.updateScreenshots() ? '../screenshots/' : '../test-results/screenshots/',
  import.meta.url,
).pathname;

/** The simulator's control API: how the tests change the world behind the master gateway. */
export async function sim(path: string, method: 'GET' | 'POST' = 'POST'): Promise<unknown> {
  const base = e2eEnv.controlUrl();
  if (!base) throw new Error('E2E_CONTROL_URL is not set: run through playwright (global setup)');
  return simAt(base, path, method);
}

/** The control API of one simulator (the shared one, or a spec file's own: see own-stack.ts). */
export async function simAt(
  base: string,
  path: string,
  method: 'GET' | 'POST' = 'POST',
  body?: unknown,
): Promise<unknown> {
  const res = await fetch(`${base}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`simulator ${method} ${path}: HTTP ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

export interface SimDevice {
  deviceID: number;
  gatewayID: string;
  status: number;
  managed: boolean;
  connectionMode: number;
  useSSL: boolean;
}

export async function simDevice(deviceID: number): Promise<SimDevice> {
  const state = (await sim('/state', 'GET')) as { devices: SimDevice[] };
  const device = state.devices.find((d) => d.deviceID === deviceID);
  if (!device) throw new Error(`simulator has no device ${deviceID}`);
  return device;
}

export async function signIn(page: Page, who: 'admin' | 'viewer' = 'admin'): Promise<void> {
  const account = who === 'admin' ? ADMIN : VIEWER;
  await page.getByLabel('User name').fill(account.username);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Opens a page signed in (signing in first when the app sends us to sign-in). */
export async function openAs(
  page: Page,
  path: string,
  who: 'admin' | 'viewer' = 'admin',
): Promise<void> {
  await page.goto(path);
  // The app decides on the client whether a session exists: wait for either outcome.
  const signInForm = page.getByRole('button', { name: 'Sign in' });
  await expect(signInForm.or(page.getByTestId('live-indicator'))).toBeVisible();
  if (await signInForm.isVisible()) {
    await signIn(page, who);
    await page.waitForURL((url) => url.pathname !== '/sign-in');
  }
  await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-mode', 'live');
}

/** A device row of the virtualised devices table. */
export function deviceRow(page: Page, deviceID: number) {
  return page.locator(`.vt-row[data-device-id="${deviceID}"]`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

export const test = base.extend({
  // Playwright reads fixture dependencies from the destructuring pattern, so it must be an object.
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    const url = e2eEnv.baseUrl();
    if (!url) throw new Error('E2E_BASE_URL is not set: run through playwright (global setup)');
    await use(url);
  },
});

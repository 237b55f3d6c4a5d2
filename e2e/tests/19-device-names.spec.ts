// Issue 13, point 9: administrators give a device a display name and notes; the name is shown
// wherever the ID is, found by the device search, read (not edited) by the tenant's viewers, audited.
import type { Page } from '@playwright/test';
import { deviceRow, expect, openAs, screenshot } from '../src/fixtures.ts';
import { withOwnStack } from '../src/own-stack.ts';

const { test, own } = withOwnStack();
// The first test also waits for this file's own simulator and BFF to start (slow on a loaded machine).
test.describe.configure({ timeout: 120_000 });

const NAMED = 544114231; // managed (async) on gateway1, tenant1
const OTHER = 544114232; // managed (async) on gateway1
const PENDING = 544114240; // device-to-server on gateway1, refused by the filter: pending

test('an admin names a device on its page, with a field error for a name too long', async ({
  page,
}) => {
  await openAs(page, `/devices/${NAMED}`);
  const form = page.getByRole('form', { name: 'Name and notes' });
  await form.getByLabel('Name', { exact: true }).fill('x'.repeat(65));
  await form.getByRole('button', { name: 'Save name' }).click();
  await expect(form.getByText('must be at most 64 characters')).toBeVisible();
  await expect(form.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('Name', { exact: true }).fill('Lobby turnstile');
  await form.getByLabel('Notes').fill('North entrance.\nBattery replaced in June.');
  await form.getByRole('button', { name: 'Save name' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Lobby turnstile');
  await screenshot(page, 'device-name-edit');
});

test('the name shows in the devices table, the search finds it, the audit log has it', async ({
  page,
}) => {
  await openAs(page, '/');
  await nameDevice(page, OTHER, 'Dock door');
  await page.goto('/devices?gateway=gateway1');
  await expect(deviceRow(page, OTHER)).toContainText('Dock door');
  await page.getByLabel('Search ID, name or IP').fill('DOCK DOOR');
  await expect(page.locator('.vt-row')).toHaveCount(1);
  await expect(deviceRow(page, OTHER)).toBeVisible();

  // The audit log has the change with the old and the new value.
  await page.goto('/audit');
  await expect(page.getByText(`device ${OTHER} label none → "Dock door"`)).toBeVisible();
});

/** Names a device through the API with the admin session of `page` (each test stands alone). */
async function nameDevice(page: Page, deviceID: number, name: string, notes = '') {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'cmc_csrf')?.value ?? '';
  const put = await page.request.put(`/api/v1/devices/${deviceID}/label`, {
    headers: { 'x-csrf-token': csrf },
    data: { name, notes },
  });
  expect(put.status()).toBe(200);
}

test('the name shows on the search results and the pending list', async ({ page }) => {
  await openAs(page, '/');
  await nameDevice(page, NAMED, 'Lobby turnstile');
  // A pending device has no page of its own yet: named through the API.
  await nameDevice(page, PENDING, 'Back gate reader');

  await page.goto('/accept-filter?gateway=gateway1');
  const pending = page.getByRole('table', { name: 'Pending devices' });
  await expect(pending.locator(`tr[data-device-id="${PENDING}"]`)).toContainText(
    'Back gate reader',
  );

  await page.goto('/search?gateway=gateway1');
  await page.getByLabel('Timeout (ms)').fill('1000');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const results = page.getByRole('table', { name: 'Search results' });
  await expect(results.locator(`tr[data-device-id="${NAMED}"]`)).toContainText('Lobby turnstile');
});

test('a tenant viewer sees the name and notes but cannot change them', async ({
  page: admin,
  browser,
}) => {
  await openAs(admin, '/');
  await nameDevice(admin, NAMED, 'Lobby turnstile', 'North entrance.\nBattery replaced in June.');
  const context = await browser.newContext({ baseURL: own.stack().url });
  const page = await context.newPage();
  await openAs(page, '/devices?gateway=gateway1', 'viewer');
  await expect(deviceRow(page, NAMED)).toContainText('Lobby turnstile');
  await page.goto(`/devices/${NAMED}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Lobby turnstile');
  await expect(page.getByText('Battery replaced in June.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save name' })).toHaveCount(0);
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await context.close();
});

// Issue 13, point 8: read-only fields look read-only, "Allow all" greys out the ID lists, the
// audit log reads as sentences rather than JSON, and dialog titles read naturally.
import type { Browser, Locator, Page } from '@playwright/test';
import { ADMIN } from '../src/stack.ts';
import { expect, screenshot, signIn } from '../src/fixtures.ts';
import { waitLive, withOwnStack, type OwnStack } from '../src/own-stack.ts';

const { test, own } = withOwnStack();

async function openAs(page: Page, path: string, who: 'admin' | 'viewer'): Promise<void> {
  await page.goto(`/sign-in?returnTo=${encodeURIComponent(path)}`);
  await signIn(page, who);
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  await waitLive(page);
}

async function newPage(browser: Browser, stack: OwnStack): Promise<Page> {
  const context = await browser.newContext({ baseURL: stack.stack().url });
  return context.newPage();
}

/** The look that tells an editable box from one that is not. */
async function look(field: Locator) {
  return field.evaluate((el) => {
    const s = getComputedStyle(el);
    return {
      background: s.backgroundColor,
      border: `${s.borderTopStyle} ${s.borderTopColor}`,
      cursor: s.cursor,
      opacity: s.opacity,
    };
  });
}

/** Signs in as admin through the API and calls one mutating route. */
async function adminCall(path: string, method: string, body: unknown): Promise<void> {
  const url = own.stack().url;
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const res = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify(body),
  });
  expect(res.status, `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
}

test('a viewer sees read-only fields that look read-only, not like empty forms', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await openAs(page, '/accept-filter?gateway=gateway1', 'viewer');
  const viewerIDs = page.getByLabel('Device IDs');
  await expect(viewerIDs).toHaveAttribute('readonly', '');
  await expect(page.getByRole('checkbox', { name: 'Allow all devices to connect' })).toBeDisabled();

  const admin = await newPage(browser, own);
  await openAs(admin, '/accept-filter?gateway=gateway1', 'admin');
  const adminIDs = admin.getByLabel('Device IDs');
  await expect(adminIDs).toBeEditable();

  const readOnly = await look(viewerIDs);
  const editable = await look(adminIDs);
  expect(readOnly.background, 'read-only background').not.toBe(editable.background);
  expect(readOnly.border, 'read-only border').not.toBe(editable.border);
  expect(readOnly.cursor).not.toBe('text');
  await screenshot(page, 'viewer-accept-filter-read-only');

  // The slave editor's parent ID is read-only while editing an existing entry.
  await admin.goto('/gateways/gateway2');
  await admin.getByRole('button', { name: 'Edit slaves of 540092581' }).first().click();
  const parent = admin.getByLabel('Parent device ID');
  await expect(parent).toHaveAttribute('readonly', '');
  const parentLook = await look(parent);
  const rs485Look = await look(admin.getByLabel('RS-485 slave IDs'));
  expect(parentLook.background).not.toBe(rs485Look.background);
  expect(parentLook.border).not.toBe(rs485Look.border);
  await admin.context().close();
});

test('with "Allow all" ticked the ID lists are disabled and look it', async ({ page }) => {
  await openAs(page, '/accept-filter?gateway=gateway1', 'admin');
  const allowAll = page.getByRole('checkbox', { name: 'Allow all devices to connect' });
  const ids = page.getByLabel('Device IDs');
  await allowAll.uncheck();
  await expect(ids).toBeEnabled();
  const enabled = await look(ids);

  await allowAll.check();
  await expect(ids).toBeDisabled();
  await expect(page.getByLabel('IP addresses')).toBeDisabled();
  await expect(page.getByText('Not used while all devices are allowed').first()).toBeVisible();
  const disabled = await look(ids);
  expect(disabled.background).not.toBe(enabled.background);
  expect(Number(disabled.opacity)).toBeLessThan(1);
  await screenshot(page, 'accept-filter-allow-all');

  await allowAll.uncheck();
  await expect(ids).toBeEnabled();
});

test('the audit log reads as sentences, not JSON', async ({ page }) => {
  const state = (await own.sim('/state', 'GET')) as {
    devices: Array<{ deviceID: number; gatewayID: string; managed: boolean }>;
  };
  const two = state.devices
    .filter((d) => d.gatewayID === 'gateway1' && d.managed)
    .slice(0, 2)
    .map((d) => d.deviceID);
  expect(two).toHaveLength(2);
  await adminCall('/gateways/gateway1/ssl', 'POST', { deviceIDs: two, enabled: true });
  await adminCall('/gateways/gateway2/accept-filter/db', 'PUT', {
    filter: { allowAll: false, deviceIDs: [540092587, 540092588], IPAddrs: [], subnetMasks: [] },
  });
  await adminCall('/tenants', 'POST', { tenantID: 'acme', gatewayIDs: [] });

  await openAs(page, '/audit', 'admin');
  // The Summary column (the sixth), found by position so the same test runs on the old page too.
  const table = page.getByRole('table', { name: 'Audit log' });
  await expect(table.getByRole('columnheader').nth(5)).toHaveText('Summary');
  const summaries = table.locator('tbody tr td:nth-child(6)');
  await expect(summaries.first()).toBeVisible();
  await expect(summaries.filter({ hasText: 'Enabled SSL on 2 devices of gateway1' })).toHaveCount(
    1,
  );
  await expect(
    summaries.filter({
      hasText:
        "Set the accept filter of gateway2 in the master's database to allow only 2 listed devices",
    }),
  ).toHaveCount(1);
  await expect(summaries.filter({ hasText: /^Added tenant acme$/ })).toHaveCount(1);
  await expect(summaries.filter({ hasText: /^Signed in as admin$/ }).first()).toBeVisible();
  for (const text of await summaries.allInnerTexts())
    expect(text, 'an audit summary').not.toMatch(/[{}"]/);
  await screenshot(page, 'audit-sentences');
});

test('dialog titles read as natural questions', async ({ page }) => {
  await openAs(page, '/devices?gateway=gateway2', 'admin');
  await page.getByRole('checkbox', { name: 'Select device 540092579' }).check();
  await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading')).toHaveText('Disconnect 1 device?');
  await expect(dialog).toHaveAccessibleName('Disconnect 1 device?');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.goto('/accept-filter?gateway=gateway1');
  await page.getByRole('checkbox', { name: 'Allow all devices to connect' }).click();
  await page.getByRole('button', { name: 'Review changes…' }).click();
  await expect(dialog).toHaveAccessibleName('Apply this accept filter to gateway1 now?');
  await dialog.getByRole('button', { name: 'Back to editing' }).click();

  await page.goto('/tenants');
  await page.getByRole('button', { name: 'Delete account viewer1' }).click();
  await expect(dialog).toHaveAccessibleName('Delete the account viewer1?');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Delete tenant tenant1' }).click();
  await expect(dialog).toHaveAccessibleName('Delete tenant tenant1?');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

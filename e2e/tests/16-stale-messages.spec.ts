// Issue 13, point 5: a new result replaces the old one, and lists follow what the actions did.
import { expect, openAs } from '../src/fixtures.ts';
import { withOwnStack } from '../src/own-stack.ts';

const { test, own } = withOwnStack();

test('connect form: a new inline error replaces the old server error', async ({ page }) => {
  await openAs(page, '/connect?gateway=gateway1');
  await page.getByLabel('IP address').fill('192.168.10.99');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Could not connect');
  await page.getByLabel('IP address').fill('300.1.2');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByText('must be an IPv4 address such as 192.168.0.10')).toBeVisible();
  await expect(page.getByText('Could not connect')).toHaveCount(0);
});

test('async page: "Registered" goes once the registration is removed', async ({ page }) => {
  await openAs(page, '/async-connections?gateway=gateway1');
  const form = page.getByRole('form', { name: 'Add async connection' });
  await form.getByLabel('Device ID').fill('544114238');
  await form.getByLabel('IP address').fill('192.168.10.18');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(form.getByRole('status')).toContainText('Registered');
  const session = page.getByTestId('async-session');
  await session.getByRole('button', { name: 'Remove 544114238 (session)' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(session.getByRole('button', { name: 'Remove 544114238 (session)' })).toHaveCount(0);
  await expect(page.getByText(/Registered/)).toHaveCount(0);
});

test('search results follow the actions: connected devices show as managed, managed ones get no Accept', async ({
  page,
}) => {
  await openAs(page, '/search?gateway=gateway1');
  await page.getByLabel('Timeout (ms)').fill('500');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const results = page.getByRole('table', { name: 'Search results' });
  // 544114239 dials in and is let in by the saved filter: already managed, nothing to accept.
  const managedD2S = results.locator('tr[data-device-id="544114239"]');
  await expect(managedD2S).toContainText('Managed');
  await expect(managedD2S.getByRole('button', { name: /Accept/ })).toHaveCount(0);

  const row = results.locator('tr[data-device-id="544114242"]');
  await expect(row).not.toContainText('Managed');
  await row.getByRole('button', { name: 'Connect now 544114242' }).click();
  await expect(row).toContainText('Managed');
  await expect(row.getByRole('button', { name: /Connect now|Async/ })).toHaveCount(0);
  expect((await own.simDevice(544114242)).managed).toBe(true);
});

test('a pending device leaves the pending list when it connects', async ({ page }) => {
  await openAs(page, '/accept-filter?gateway=gateway2');
  const pending = page.getByRole('table', { name: 'Pending devices' });
  const row = pending.locator('tr[data-device-id="540092587"]');
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: 'Accept 540092587', exact: true }).click();
  // The device dials again after the gateway's short delay and is let in; its row goes.
  await expect(row).toHaveCount(0, { timeout: 5000 });
  await expect(page.getByTestId('accepted-outcome')).toContainText('540092587');
  expect((await own.simDevice(540092587)).managed).toBe(true);
});

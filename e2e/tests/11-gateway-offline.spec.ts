// Issue 13, point 2: a device gateway goes offline. Every page agrees with the overview: its devices
// stay listed as "gateway offline" (not "Connected", not vanished), the gateway filter says why, the
// device page explains it, and the async page still shows the registrations saved in the master DB.
import { deviceRow, expect, openAs } from '../src/fixtures.ts';
import { withOwnStack } from '../src/own-stack.ts';

const { test, own } = withOwnStack();
// Long journeys on a shared 2-core machine: each step has its own expect timeout.
test.describe.configure({ timeout: 180_000 });

// gateway1 (tenant1): 544114231 session async, 544114233/34 async saved in the DB, 544114235 one-off.
test('an offline gateway: its devices show as gateway offline on every page', async ({
  page,
  browser,
}) => {
  await openAs(page, '/devices?gateway=gateway1');
  const row = deviceRow(page, 544114231);
  await expect(row.getByTestId('device-status')).toHaveText(/Connected/);

  await own.sim('/gateways/gateway1/offline');
  // Live: the rows stay, their status is unknown, never green.
  for (const id of [544114231, 544114233, 544114235]) {
    await expect(deviceRow(page, id).getByTestId('device-status')).toHaveText('Gateway offline');
  }
  await expect(page.getByRole('alert').filter({ hasText: 'gateway1 is offline' })).toBeVisible();

  // After a reload too (the list comes from the server, not only from the live channel).
  await page.reload();
  await expect(deviceRow(page, 544114235).getByTestId('device-status')).toHaveText(
    'Gateway offline',
  );
  await expect(page.getByRole('alert')).toContainText(/gateway1 is offline .*shown as last seen/);

  // The overview agrees: the gateway is disconnected and its devices are unknown.
  await page.goto('/');
  const gw = page.getByRole('table', { name: 'Gateways' }).getByRole('row').filter({
    hasText: 'gateway1',
  });
  await expect(gw.getByText('Disconnected', { exact: true })).toBeVisible();
  await expect(gw).toContainText(/gateway offline: its \d+ devices are unknown/);

  // The device page explains it.
  await page.goto('/devices/544114235');
  await expect(page.getByTestId('gateway-offline-notice')).toContainText(
    'Gateway gateway1 is offline',
  );

  // The async page still shows what the master database holds.
  await page.goto('/async-connections?gateway=gateway1');
  await expect(page.getByTestId('session-unavailable')).toBeVisible();
  const saved = page.getByTestId('async-db');
  await expect(saved).toContainText('544114233');
  await expect(saved).toContainText('544114234');

  // The tenant's viewer sees the same, read-only.
  const viewerContext = await browser.newContext({ baseURL: own.stack().url });
  const viewer = await viewerContext.newPage();
  await openAs(viewer, '/devices?gateway=gateway1', 'viewer');
  await expect(deviceRow(viewer, 544114231).getByTestId('device-status')).toHaveText(
    'Gateway offline',
  );
  await viewerContext.close();

  // Back online: the rows are live again.
  await own.sim('/gateways/gateway1/online');
  await page.goto('/devices?gateway=gateway1');
  await expect(deviceRow(page, 544114233).getByTestId('device-status')).toHaveText(/Connected/);
});

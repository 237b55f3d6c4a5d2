import { deviceRow, expect, openAs, screenshot, sim, simDevice, test } from '../src/fixtures.ts';

test('overview shows every gateway with its counts, the chart and the live feed', async ({
  page,
}) => {
  await openAs(page, '/');
  const gateways = page.getByRole('table', { name: 'Gateways' });
  for (const id of ['gateway1', 'gateway2', 'gateway3'])
    await expect(gateways.getByRole('row').filter({ hasText: id })).toBeVisible();
  await expect(page.getByTestId('connected-chart')).toBeVisible();
  // Counts by status, every status named: gateway1 has an unreachable device (and a flaky one).
  const breakdown = gateways.locator('tr[data-gateway-id="gateway1"]').getByRole('img');
  await expect(breakdown).toHaveAttribute('aria-label', /Connected: \d+.*Cannot connect: [1-9]/);
  // A status change shows up in the feed without a reload.
  await sim('/devices/544114231/offline');
  await expect(
    page.getByTestId('live-feed').getByRole('link', { name: '544114231' }).first(),
  ).toBeVisible();
  await sim('/devices/544114231/online?now=1');
  // Newest first: the latest entry of this device (flaky demo devices add their own entries).
  await expect(
    page.getByTestId('live-feed').locator('li').filter({ hasText: '544114231' }).first(),
  ).toContainText('Connected');
  await screenshot(page, 'overview');
});

test('a device taken offline flips to disconnected in place, then back, without a reload', async ({
  page,
}) => {
  await openAs(page, '/devices?gateway=gateway2');
  const row = deviceRow(page, 540092578);
  // Cells: select, ID, gateway, type, address, status, mode, SSL, last up, last down, failure.
  const cell = (n: number) => row.locator('[role=gridcell]').nth(n);
  await expect(row.getByTestId('device-status')).toHaveText(/Connected/);
  await expect(cell(3)).toHaveText('BioStation 3');
  let reloaded = false;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) reloaded = true;
  });
  await sim('/devices/540092578/offline');
  await expect(row.getByTestId('device-status')).toHaveText(/Disconnected/);
  await expect(cell(9)).toHaveText('just now');
  await sim('/devices/540092578/online?now=1');
  await expect(row.getByTestId('device-status')).toHaveText(/^Connected/);
  await expect(cell(8)).toHaveText('just now');
  expect(reloaded).toBe(false);
});

test('filters narrow the list on the server and sorting works', async ({ page }) => {
  await openAs(page, '/devices');
  await page.getByLabel('Search ID, name or IP').fill('192.168.30.');
  await expect(page).toHaveURL(/q=192\.168\.30\./);
  // Retrying assertions: the previous page stays on screen until the filtered one arrives.
  await expect(page.locator('.vt-row').filter({ hasNotText: 'gateway3' })).toHaveCount(0);
  await expect(page.locator('.vt-row')).not.toHaveCount(0);
  await page.getByLabel('SSL').selectOption('true');
  await expect(page.getByTestId('device-total')).toHaveText(/^1 device/);
  await expect(deviceRow(page, 939000103)).toBeVisible();
  await page.getByLabel('SSL').selectOption('');
  await page.getByRole('button', { name: /^Device ID/ }).click();
  await expect(page).toHaveURL(/order=desc/);
  await expect(page.locator('.vt-row').first()).toHaveAttribute('data-device-id', '939000110');
  await screenshot(page, 'devices');
  // The type filter names each type as the rows do, and narrows to it on the server.
  await page.getByLabel('Search ID, name or IP').fill('');
  await expect(page).not.toHaveURL(/q=/);
  const typeFilter = page.getByLabel('Type');
  await expect(typeFilter.locator('option', { hasText: 'DM-20 Door Module' })).toHaveCount(1);
  await typeFilter.selectOption({ label: 'BioStation 3' });
  await expect(page).toHaveURL(/type=BIOSTATION_3/);
  await expect(page.locator('.vt-row').filter({ hasNotText: 'BioStation 3' })).toHaveCount(0);
  await expect(deviceRow(page, 540092578)).toBeVisible();
});

test('SSL is enabled on two devices at once after a plan, each with its own result', async ({
  page,
}) => {
  await openAs(page, '/devices?gateway=gateway3');
  for (const id of [939000101, 939000102]) {
    await deviceRow(page, id).getByRole('checkbox').check();
  }
  await expect(page.getByTestId('selected-count')).toHaveText('2 selected');
  await page.getByRole('button', { name: 'Enable SSL' }).click();
  // The plan comes first; their async registrations follow in the same run, so the gateway
  // reconnects them over TLS.
  const dialog = page.getByRole('dialog', { name: 'Enable SSL on 2 devices' });
  await expect(dialog.getByTestId('plan-async')).toContainText('939000101 (session), 939000102');
  await expect(dialog.getByLabel(/Update their async registrations to SSL on/)).toBeChecked();
  await dialog.getByRole('button', { name: 'Enable SSL on 2 devices' }).click();
  for (const id of [939000101, 939000102])
    await expect(
      dialog.getByTestId('ssl-results').locator(`tr[data-device-id="${id}"] td.result`),
    ).toHaveText(/SSL on; session registration updated/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('selected-count')).toHaveCount(0);
  for (const id of [939000101, 939000102]) expect((await simDevice(id)).useSSL).toBe(true);
  for (const id of [939000101, 939000102]) {
    await expect(deviceRow(page, id).getByTestId('device-status')).toHaveText(/Connected \(TLS\)/);
    await expect(deviceRow(page, id).locator('[role=gridcell]').nth(7)).toHaveText('On');
  }
});

test('"select all matching" covers the whole filtered set, and destructive actions ask first', async ({
  page,
}) => {
  await openAs(page, '/devices?gateway=gateway1&pageSize=100');
  await page.getByLabel('Select every device on this page').check();
  const count = await page.locator('.vt-row').count();
  await expect(page.getByTestId('selected-count')).toHaveText(`${count} selected`);
  await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Disconnect ${count} selected devices?`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

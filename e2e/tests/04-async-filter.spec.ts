import { deviceRow, expect, openAs, screenshot, sim, simDevice, test } from '../src/fixtures.ts';

test('async connections are added to the session and to the database, told apart', async ({
  page,
}) => {
  await openAs(page, '/async-connections?gateway=gateway1');
  const form = page.getByRole('form', { name: 'Add async connection' });
  await form.getByLabel('Device ID').fill('544114237');
  await form.getByLabel('IP address').fill('192.168.10.17');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('async-session')).toContainText('544114237');

  await form.getByLabel('Device ID').fill('544114242');
  await form.getByLabel('IP address').fill('192.168.10.22');
  await form.getByLabel('Saved in master DB').check();
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('async-db')).toContainText('544114242');
  await expect(page.getByTestId('async-db')).not.toContainText('544114237');
  // Once applied, a saved registration is active on the gateway too, and marked as such.
  await expect(
    page.getByTestId('async-session').getByRole('row').filter({ hasText: '544114242' }),
  ).toContainText('from saved');
  await expect(
    page.getByTestId('async-session').getByRole('row').filter({ hasText: '544114237' }),
  ).not.toContainText('from saved');
  await screenshot(page, 'async-connections');

  // The gateway connects them in the background; the devices page shows it live.
  await page.goto('/devices?gateway=gateway1');
  await expect(deviceRow(page, 544114237).getByTestId('device-status')).toHaveText(/Connected/);
  await expect(deviceRow(page, 544114242).getByTestId('device-status')).toHaveText(/Connected/);
});

test('bad async input is refused with field messages', async ({ page }) => {
  await openAs(page, '/async-connections?gateway=gateway1');
  const form = page.getByRole('form', { name: 'Add async connection' });
  await form.getByLabel('Device ID').fill('0');
  await form.getByLabel('IP address').fill('10.0.0.256');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(form.getByText('must be a device ID between 1 and 4294967295')).toBeVisible();
  await expect(form.getByText('must be an IPv4 address such as 192.168.0.10')).toBeVisible();
});

test('a pending device-to-server device is accepted through the filter and becomes connected', async ({
  page,
}) => {
  await openAs(page, '/accept-filter?gateway=gateway2');
  const pending = page.getByRole('table', { name: 'Pending devices' });
  const row = pending.locator('tr[data-device-id="540092587"]');
  await expect(row).toBeVisible();
  await expect(row).toContainText('BioEntry W2');
  await expect(row).toContainText(/ago|just now/);
  await screenshot(page, 'accept-filter');
  await row.getByRole('button', { name: 'Accept 540092587', exact: true }).click();
  // Accepted: the row says so until the device dials in again, then the row goes with a note.
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /session filter/ })
      .first(),
  ).toBeVisible();
  await expect(page.getByLabel('Device IDs')).toHaveValue(/540092587/);
  // The device dials again after the gateway's delay; make it dial now.
  await sim('/devices/540092587/dial-in');
  await page.goto('/devices?gateway=gateway2');
  await expect(deviceRow(page, 540092587).getByTestId('device-status')).toHaveText(/Connected/);
  expect((await simDevice(540092587)).status).toBe(1);
  await page.goto('/accept-filter?gateway=gateway2');
  await expect(
    page.getByRole('table', { name: 'Pending devices' }).locator('tr[data-device-id="540092587"]'),
  ).toHaveCount(0);
});

test('the filter editor validates masks and previews changes before saving', async ({ page }) => {
  await openAs(page, '/accept-filter?gateway=gateway3');
  const ips = page.getByLabel('IP addresses');
  const masks = page.getByLabel('Subnet masks');
  await masks.fill('255.0.255.0');
  await page.getByRole('button', { name: 'Review changes…' }).click();
  await expect(
    page.getByText(
      '"255.0.255.0" must be a subnet mask with contiguous ones, such as 255.255.255.0',
    ),
  ).toBeVisible();
  await masks.fill('255.255.255.0');
  await ips.fill('192.168.30.50');
  await page.getByRole('button', { name: 'Review changes…' }).click();
  const preview = page.getByTestId('filter-preview');
  await expect(preview).toContainText('+ 192.168.30.50');
  await expect(preview).toContainText('+ 255.255.255.0');
  await page.getByRole('button', { name: 'Apply to gateway' }).click();
  await expect(page.getByText('Saved to the gateway')).toBeVisible();
  await expect(ips).toHaveValue('192.168.30.50');
});

import { deviceRow, expect, openAs, screenshot, simDevice, test } from '../src/fixtures.ts';

test('search a gateway, see unmanaged devices with their type, and connect one now', async ({
  page,
}) => {
  await openAs(page, '/search?gateway=gateway1');
  await page.getByLabel('Timeout (ms)').fill('1000');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  const results = page.getByRole('table', { name: 'Search results' });
  const row = results.locator('tr[data-device-id="544114238"]');
  await expect(row).toContainText('XPass 2');
  await expect(row).toContainText('192.168.10.18');
  await expect(results.locator('tr[data-device-id="544114231"]')).toContainText('Managed');
  await screenshot(page, 'search');
  await row.getByRole('button', { name: 'Connect now 544114238' }).click();
  await expect(row.getByRole('status')).toHaveText('Connected');
  expect((await simDevice(544114238)).managed).toBe(true);

  await page.goto('/devices?gateway=gateway1');
  await expect(deviceRow(page, 544114238).getByTestId('device-status')).toHaveText(/Connected/);
});

test('the connect form explains bad input field by field', async ({ page }) => {
  await openAs(page, '/connect?gateway=gateway2');
  await page.getByLabel('IP address').fill('300.1.2');
  await page.getByLabel('Port').fill('70000');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByText('must be an IPv4 address such as 192.168.0.10')).toBeVisible();
  await expect(page.getByText('must be between 1 and 65535')).toBeVisible();
  await expect(page.getByLabel('IP address')).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, 'connect');
});

test('connecting a device that becomes connected live', async ({ page }) => {
  await openAs(page, '/connect?gateway=gateway2');
  await page.getByLabel('IP address').fill('192.168.20.16');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByTestId('connect-result')).toContainText('540092583');
  await page.getByTestId('connect-result').getByRole('link', { name: '540092583' }).click();
  await expect(page.getByTestId('detail-status')).toHaveText(/Connected/);
});

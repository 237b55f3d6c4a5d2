import { deviceRow, expect, openAs, screenshot, sim, test } from '../src/fixtures.ts';

test('a tenant viewer sees only its gateways, no mutating controls, and live updates', async ({
  page,
}) => {
  await openAs(page, '/', 'viewer');
  const gateways = page.getByRole('table', { name: 'Gateways' });
  await expect(gateways.getByRole('row').filter({ hasText: 'gateway1' })).toBeVisible();
  await expect(gateways.getByRole('row').filter({ hasText: 'gateway2' })).toBeVisible();
  await expect(gateways).not.toContainText('gateway3');
  await expect(page.getByTestId('connected-chart')).toBeVisible();
  await screenshot(page, 'viewer-overview');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Search' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Audit log' })).toHaveCount(0);

  await page.goto('/devices');
  await expect(page.locator('.vt-row').first()).toBeVisible();
  await expect(page.locator('.vt-row').filter({ hasText: 'gateway3' })).toHaveCount(0);
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Bulk actions' })).toHaveCount(0);

  // Live: a change on one of its gateways reaches the viewer without a reload.
  const row = deviceRow(page, 544114233);
  await expect(row.getByTestId('device-status')).toHaveText(/^Connected/);
  await sim('/devices/544114233/offline');
  await expect(row.getByTestId('device-status')).toHaveText(/Disconnected/);
  await sim('/devices/544114233/online?now=1');
  await expect(row.getByTestId('device-status')).toHaveText(/^Connected/);
  await screenshot(page, 'viewer-devices');

  await page.goto('/devices/544114231');
  await expect(page.getByTestId('detail-status')).toBeVisible();
  await expect(page.getByRole('button', { name: /Disconnect|SSL|Switch to/ })).toHaveCount(0);

  await page.goto('/accept-filter?gateway=gateway1');
  await expect(page.getByRole('button', { name: 'Review changes…' })).toHaveCount(0);

  // Admin-only pages and other tenants' gateways are out of reach.
  await page.goto('/audit');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/gateways/gateway3');
  await expect(page.getByRole('alert')).toBeVisible();
});

import { expect, openAs, screenshot, test } from '../src/fixtures.ts';

test('tenants and accounts: tenants with their gateways, viewer accounts created with field checks', async ({
  page,
}) => {
  await openAs(page, '/tenants');
  const tenants = page.getByRole('table', { name: 'Tenants' });
  await expect(tenants.getByRole('row').filter({ hasText: 'tenant1' })).toContainText(
    'gateway1, gateway2',
  );
  const form = page.getByRole('form', { name: 'Create a tenant viewer account' });
  await form.getByLabel('User name').fill('v2');
  await form.getByLabel('Password').fill('short');
  await form.getByRole('button', { name: 'Create viewer' }).click();
  await expect(form.getByText('must be 3-64 characters of A-Z, a-z, 0-9, _ . @ -')).toBeVisible();
  await expect(form.getByText('must be at least 10 characters')).toBeVisible();
  await form.getByLabel('User name').fill('viewer-two');
  await form.getByLabel('Password').fill('viewer-two-password');
  await form.getByLabel('Tenant').selectOption('tenant2');
  await form.getByRole('button', { name: 'Create viewer' }).click();
  await expect(page.getByRole('table', { name: 'Accounts' })).toContainText('viewer-two');
  // A refusal only the server can know about carries its reason to the form.
  await form.getByLabel('User name').fill('viewer-two');
  await form.getByLabel('Password').fill('another-password');
  await form.getByRole('button', { name: 'Create viewer' }).click();
  await expect(form.getByRole('alert')).toContainText('viewer-two');
  await screenshot(page, 'tenants');
});

test('the audit log lists changes and sign-ins, filterable', async ({ page }) => {
  await openAs(page, '/audit');
  await expect(page.getByRole('table', { name: 'Audit log' })).toBeVisible();
  await page.getByLabel('Action').fill('auth.login');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/action=auth\.login/);
  const rows = page.getByRole('table', { name: 'Audit log' }).locator('tbody tr');
  await expect(rows.first()).toContainText('auth.login');
  await expect(rows.filter({ hasNotText: 'auth.login' })).toHaveCount(0);
  await page.getByLabel('Action').fill('');
  await page.getByRole('button', { name: 'Apply' }).click();
  await screenshot(page, 'audit');
});

import { expect, openAs, screenshot, test } from '../src/fixtures.ts';

test('tenants and accounts: tenants with their gateways, viewer accounts created with field checks', async ({
  page,
}) => {
  await openAs(page, '/tenants');
  const tenants = page.getByRole('table', { name: 'Tenants' });
  const tenant1 = tenants.locator('tr[data-tenant-id="tenant1"]');
  await expect(tenant1).toContainText('gateway1');
  await expect(tenant1).toContainText('gateway2');

  // A tenant is added; the master refuses a gateway another tenant owns, and says why.
  const addTenant = page.getByRole('form', { name: 'Add a tenant' });
  await addTenant.getByLabel('Tenant ID').fill('tenant 9');
  await addTenant.getByRole('button', { name: 'Add tenant' }).click();
  await expect(
    addTenant.getByText('must be 1-64 characters of A-Z, a-z, 0-9, _ . -'),
  ).toBeVisible();
  await addTenant.getByLabel('Tenant ID').fill('tenant9');
  await addTenant.getByRole('button', { name: 'Add tenant' }).click();
  const tenant9 = tenants.locator('tr[data-tenant-id="tenant9"]');
  await expect(tenant9).toContainText('none');
  await tenant9.getByLabel('Gateway ID to add to tenant9').fill('gateway3');
  await tenant9.getByRole('button', { name: 'Add gateway' }).click();
  await expect(tenant9.getByRole('alert')).toContainText(
    'gateway gateway3 already belongs to tenant tenant2',
  );
  await tenant9.getByRole('button', { name: 'Delete tenant tenant9' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete tenant' }).click();
  await expect(tenant9).toHaveCount(0);
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

  // An admin sets a new password for a viewer (checked first, like every form).
  await page.getByRole('button', { name: 'Reset password of viewer-two' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('New password').fill('short');
  await dialog.getByRole('button', { name: 'Set password' }).click();
  await expect(dialog.getByText('must be at least 10 characters')).toBeVisible();
  await dialog.getByLabel('New password').fill('a-new-password-2');
  await dialog.getByRole('button', { name: 'Set password' }).click();
  await expect(dialog.getByRole('status')).toContainText('Password changed');
  await dialog.getByRole('button', { name: 'Close' }).click();
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

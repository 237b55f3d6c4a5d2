import { expect, openAs, sim, test } from '../src/fixtures.ts';

test('a device gateway leaving the master shows as disconnected on the overview, live, and returns', async ({
  page,
}) => {
  await openAs(page, '/');
  const row = page
    .getByRole('table', { name: 'Gateways' })
    .getByRole('row')
    .filter({ hasText: 'gateway3' });
  await expect(row).toContainText('Connected');
  await sim('/gateways/gateway3/offline');
  await expect(row.getByText('Disconnected', { exact: true })).toBeVisible();
  await sim('/gateways/gateway3/online');
  await expect(row.getByText('Connected', { exact: true })).toBeVisible();
  // Signed in already: the sign-in page sends the user on.
  await page.goto('/sign-in?returnTo=%2Fdevices');
  await expect(page).toHaveURL(/\/devices$/);
});

// Issue 13, point 9: several search results added at once (sync connect, async session / saved),
// with one truthful result per device.
import type { Page } from '@playwright/test';
import { expect, openAs, screenshot } from '../src/fixtures.ts';
import { withOwnStack } from '../src/own-stack.ts';

const { test, own } = withOwnStack();
// The first test also waits for this file's own simulator and BFF to start (slow on a loaded machine).
test.describe.configure({ timeout: 120_000 });

async function search(page: Page, gatewayID: string) {
  await openAs(page, `/search?gateway=${gatewayID}`);
  await page.getByLabel('Timeout (ms)').fill('1000');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const results = page.getByRole('table', { name: 'Search results' });
  await expect(results).toBeVisible();
  return results;
}

test('select all not managed and connect them: one result per device, a failure named', async ({
  page,
}) => {
  const results = await search(page, 'gateway2');
  await results.getByLabel('Select all not managed').check();
  // The server-to-device devices nobody manages; managed ones are not selectable.
  for (const id of [540092583, 540092584, 540092588])
    await expect(results.getByLabel(`Select ${id}`)).toBeChecked();
  await expect(results.getByLabel('Select 540092578')).toHaveCount(0);
  await expect(page.getByTestId('bulk-add')).toContainText('3 selected');

  // One of them leaves the network between the search and the connect: its own result says so.
  await own.sim('/devices/540092588/offline');
  await page.getByTestId('bulk-add').getByRole('button', { name: 'Connect selected' }).click();
  const row = (id: number) => results.locator(`tr[data-device-id="${id}"]`);
  await expect(row(540092583).getByRole('status')).toHaveText('Connected');
  await expect(row(540092584).getByRole('status')).toHaveText('Connected');
  await expect(row(540092588).getByRole('alert')).toContainText(/could not|cannot|unreachable/i);
  await expect(page.getByTestId('bulk-summary')).toHaveText('2 of 3 connected, 1 failed');
  await screenshot(page, 'search-bulk-connect');
  expect((await own.simDevice(540092583)).managed).toBe(true);
  expect((await own.simDevice(540092584)).managed).toBe(true);
  expect((await own.simDevice(540092588)).managed).toBe(false);
});

test('pick two results and add them as saved async connections', async ({ page }) => {
  const results = await search(page, 'gateway1');
  await results.getByLabel('Select 544114237').check();
  await results.getByLabel('Select 544114242').check();
  await expect(page.getByTestId('bulk-add')).toContainText('2 selected');
  await page
    .getByTestId('bulk-add')
    .getByRole('button', { name: 'Add async (saved) selected' })
    .click();
  await expect(page.getByTestId('bulk-summary')).toHaveText('2 of 2 registered (saved)');
  for (const id of [544114237, 544114242])
    await expect(results.locator(`tr[data-device-id="${id}"]`).getByRole('status')).toHaveText(
      'Registered (saved)',
    );
  await page.goto('/async-connections?gateway=gateway1');
  const saved = page.getByTestId('async-db');
  await expect(saved).toContainText('544114237');
  await expect(saved).toContainText('544114242');
});

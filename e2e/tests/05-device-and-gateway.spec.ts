import { expect, openAs, screenshot, simDevice, test } from '../src/fixtures.ts';

test('guided mode change shows the plan, then switches the device to device-to-server', async ({
  page,
}) => {
  await openAs(page, '/devices/544114232');
  await expect(page.locator('.page-header p')).toHaveText('BioEntry W2 on gateway1');
  await expect(page.locator('dl.kv dt:text-is("Type") + dd')).toHaveText('BioEntry W2');
  await expect(page.getByTestId('detail-mode')).toHaveText('Server → device');
  await screenshot(page, 'device-detail');
  await page.getByRole('button', { name: /Switch to Device → server/ }).click();
  const dialog = page.getByRole('dialog');
  const plan = dialog.getByTestId('mode-plan');
  await expect(plan).toContainText('Switch device 544114232 to device → server');
  await expect(plan).toContainText('Remove its session async registration');
  await expect(plan).toContainText('Add it to the session accept filter of gateway1');
  await screenshot(page, 'guided-mode-change');
  await dialog.getByRole('button', { name: /^Run 3 steps$/ }).click();
  await expect(plan.getByText('done')).toHaveCount(3);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('detail-mode')).toHaveText('Device → server');
  expect((await simDevice(544114232)).connectionMode).toBe(1);
  await expect(page.getByTestId('detail-status')).toHaveText(/Connected/);

  // And back: leave the filter, register as async again; the gateway dials it.
  await page.getByRole('button', { name: /Switch to Server → device/ }).click();
  const back = page.getByRole('dialog').getByTestId('mode-plan');
  await expect(back).toContainText('Switch device 544114232 to server → device');
  await expect(back).toContainText('Remove it from the session accept filter');
  await expect(back).toContainText(
    'Register it as session async connection at 192.168.10.12:51211',
  );
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^Run 3 steps$/ })
    .click();
  await expect(back.getByText('done')).toHaveCount(3);
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('detail-mode')).toHaveText('Server → device');
  await expect(page.getByTestId('detail-status')).toHaveText(/Connected/);
  expect((await simDevice(544114232)).connectionMode).toBe(0);
});

test('gateway page: slave devices are shown and edited, disconnect-all asks first', async ({
  page,
}) => {
  await openAs(page, '/gateways/gateway2');
  const saved = page.getByRole('region', { name: 'Saved in master database' });
  await expect(saved).toContainText('540092581');
  await expect(saved).toContainText('846, 847');
  const session = page.getByRole('region', { name: 'Session (on the gateway now)' });
  await session.getByRole('button', { name: 'Add parent device' }).click();
  await session.getByLabel('Parent device ID').fill('540092578');
  await session.getByLabel('RS-485 slave IDs').fill('900, abc');
  await session.getByRole('button', { name: 'Apply to gateway' }).click();
  await expect(session.getByText(/entry 2 must be a number/)).toBeVisible();
  await session.getByLabel('RS-485 slave IDs').fill('900, 901');
  await session.getByRole('button', { name: 'Apply to gateway' }).click();
  await expect(session.getByRole('row').filter({ hasText: '540092578' })).toContainText('900, 901');
  await page.getByRole('button', { name: 'Disconnect all devices' }).click();
  await expect(page.getByRole('dialog')).toContainText('will be disconnected');
  await screenshot(page, 'gateway');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
});

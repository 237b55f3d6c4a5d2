// Issue 13, point 4: failures are told in words (a silent device is not "master gateway
// unavailable", an SSL mismatch is not "master gateway refused", no internal call names), the
// disconnect dialog is right for each kind of device, and after a disconnect the detail page says
// where the device went instead of showing a red error.
import { expect, openAs } from '../src/fixtures.ts';
import { withOwnStack } from '../src/own-stack.ts';

const { test, own } = withOwnStack();

test('connect failures say what happened, without internal call names', async ({ page }) => {
  await openAs(page, '/connect?gateway=gateway1');
  const alert = page.getByRole('alert');
  await page.getByLabel('IP address').fill('192.168.10.99');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(alert).toContainText('The device did not answer');
  await expect(alert).toContainText('192.168.10.99:51211');
  await expect(alert).not.toContainText(/master gateway|ConnectMaster/i);

  // 544114234 has SSL on; connecting without SSL is an SSL mismatch, not a refusal by the master.
  await page.getByLabel('IP address').fill('192.168.10.14');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(alert).toContainText('The SSL setting does not match the device');
  await expect(alert).not.toContainText(/master gateway|ConnectMaster/i);
});

test('the status history lists failure causes in words', async ({ page }) => {
  // An async device that drops off the network: the gateway keeps trying and cannot reach it.
  await own.sim('/devices/544114231/offline');
  await openAs(page, '/devices/544114231');
  const history = page.locator('details', { hasText: 'Status changes' });
  await expect(history.locator('summary')).toBeVisible();
  await history.locator('summary').click();
  await expect(history).toContainText('The device did not answer');
  await expect(history).not.toContainText('TCP_CANNOT_CONNECT');
  await own.sim('/devices/544114231/online?now=1');
});

test('disconnecting a sync device: the dialog says it leaves the list, the page then says where it went', async ({
  page,
}) => {
  await openAs(page, '/devices/544114235');
  await page.getByRole('button', { name: /^Disconnect/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('leaves the managed list');
  await dialog.getByRole('button', { name: 'Disconnect', exact: true }).click();
  const gone = page.getByTestId('device-gone');
  await expect(gone).toContainText('left the managed list');
  await expect(gone).toContainText('Connect');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Enable SSL…' })).toBeDisabled();
  await expect(page.getByRole('button', { name: /^Disconnect/ })).toBeDisabled();
  await expect(page.getByRole('button', { name: /Switch to/ })).toBeDisabled();
});

test('disconnecting a device-to-server device: it dials back unless the filter stops it; out of the filter it waits in the pending list', async ({
  page,
}) => {
  // 540092585 dials gateway2, let in by the session accept filter.
  await openAs(page, '/devices/540092585');
  await page.getByRole('button', { name: /^Disconnect/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('dials the gateway again');
  await expect(dialog).toContainText('accept filter');
  await dialog.getByLabel(/Also remove it from the session accept filter/).check();
  await dialog.getByRole('button', { name: 'Disconnect', exact: true }).click();
  const gone = page.getByTestId('device-gone');
  await expect(gone).toContainText('waiting in the pending list of gateway2');
  await expect(gone.getByRole('link', { name: /pending list/ })).toHaveAttribute(
    'href',
    '/accept-filter?gateway=gateway2',
  );
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect((await own.simDevice(540092585)).managed).toBe(false);
});

test('the disconnect dialog of an async device says the gateway reconnects it', async ({
  page,
}) => {
  await openAs(page, '/devices/540092579');
  await page.getByRole('button', { name: /^Disconnect/ }).click();
  await expect(page.getByRole('dialog')).toContainText('reconnects it after its retry delay');
});

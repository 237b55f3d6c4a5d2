// Issue 13, point 1: an SSL change is shown as a plan before it runs (what happens to sync, async
// and device-to-server devices), can update the async registrations in the same run, and ends with
// one truthful result per device.
import { deviceRow, expect, openAs } from '../src/fixtures.ts';
import { withOwnStack } from '../src/own-stack.ts';

const { test, own } = withOwnStack();

interface Registrations {
  asyncConnections: Record<
    string,
    {
      session: Array<{ deviceID: number; useSSL: boolean }>;
      db: Array<{ deviceID: number; useSSL: boolean }>;
    }
  >;
}

async function registration(gatewayID: string, store: 'session' | 'db', deviceID: number) {
  const state = (await own.sim('/state', 'GET')) as Registrations;
  return state.asyncConnections[gatewayID]?.[store].find((r) => r.deviceID === deviceID);
}

test('bulk Enable SSL shows the plan per kind of device, updates registrations in the same run, one result per device', async ({
  page,
}) => {
  await openAs(page, '/devices?gateway=gateway1');
  // async (session), async (saved), sync, device-to-server (accepted by the saved filter)
  const ids = [544114231, 544114233, 544114235, 544114239];
  for (const id of ids) await deviceRow(page, id).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Enable SSL' }).click();

  const dialog = page.getByRole('dialog', { name: 'Enable SSL on 4 devices' });
  const plan = dialog.getByTestId('ssl-plan');
  await expect(plan.getByTestId('plan-sync')).toContainText('544114235');
  await expect(plan.getByTestId('plan-sync')).toContainText('leaves the managed list');
  await expect(plan.getByTestId('plan-async')).toContainText('544114231 (session)');
  await expect(plan.getByTestId('plan-async')).toContainText('544114233 (saved)');
  await expect(plan.getByTestId('plan-async')).toContainText('TLS');
  await expect(plan.getByTestId('plan-device-to-server')).toContainText('544114239');
  await expect(plan.getByTestId('plan-device-to-server')).toContainText('dials the gateway again');
  const update = dialog.getByLabel(/Update their async registrations to SSL on/);
  await expect(update).toBeChecked();
  // Nothing has happened yet.
  expect((await own.simDevice(544114231)).useSSL).toBe(false);

  await dialog.getByRole('button', { name: 'Enable SSL on 4 devices' }).click();
  const results = dialog.getByTestId('ssl-results');
  const result = (id: number) => results.locator(`tr[data-device-id="${id}"] td.result`);
  await expect(result(544114231)).toHaveText(/SSL on.*session registration updated/);
  await expect(result(544114233)).toHaveText(/SSL on.*saved registration updated/);
  await expect(result(544114235)).toHaveText(/SSL on.*left the managed list/);
  await expect(result(544114239)).toHaveText(/SSL on.*dials in again/);
  for (const id of ids) {
    await expect(results.locator(`tr[data-device-id="${id}"] td.result`)).toHaveCount(1);
    expect((await own.simDevice(id)).useSSL).toBe(true);
  }
  expect((await registration('gateway1', 'session', 544114231))?.useSSL).toBe(true);
  expect((await registration('gateway1', 'db', 544114233))?.useSSL).toBe(true);

  await dialog.getByRole('button', { name: 'Close' }).click();
  // The table agrees with the results: the async devices reconnect over TLS with SSL on.
  for (const id of [544114231, 544114233]) {
    await expect(deviceRow(page, id).getByTestId('device-status')).toHaveText(/Connected \(TLS\)/);
    await expect(deviceRow(page, id).locator('[role=gridcell]').nth(7)).toHaveText('On');
  }
  await expect(deviceRow(page, 544114235)).toHaveCount(0);
  await expect(page.getByText(/succeeded/)).toHaveCount(0);
});

test('a single device: the plan, then the truth when the registration is left as it was', async ({
  page,
}) => {
  await openAs(page, '/devices/544114232');
  await expect(page.getByTestId('detail-ssl')).toHaveText('Disabled');
  await page.getByRole('button', { name: 'Enable SSL…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Enable SSL on device 544114232' });
  await expect(dialog.getByTestId('plan-async')).toContainText('544114232 (session)');
  await dialog.getByLabel(/Update their async registrations to SSL on/).uncheck();
  await expect(dialog.getByTestId('plan-async')).toContainText(/will fail/);
  await dialog.getByRole('button', { name: 'Enable SSL on 1 device' }).click();
  const result = dialog
    .getByTestId('ssl-results')
    .locator('tr[data-device-id="544114232"] td.result');
  await expect(result).toHaveText(/SSL on in the device.*registration still says SSL off/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  // Never "SSL enabled" beside "SSL: Disabled": the page says what the gateway does now.
  await expect(page.getByText('SSL enabled.')).toHaveCount(0);
  await expect(page.getByTestId('detail-status')).toHaveText(/not allowed/i);

  // The gateway needs a live connection to change SSL again: the action says so instead of failing.
  await expect(page.getByRole('button', { name: /^(En|Dis)able SSL…$/ })).toBeDisabled();
  await expect(
    page.getByText('SSL can be changed only while the device is connected.'),
  ).toBeVisible();
});

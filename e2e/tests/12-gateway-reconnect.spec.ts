// Issue 13, point 3: a gateway comes back. The master keeps only what its database holds; session
// async registrations and one-off connections are gone. The console names the lost devices and
// offers one admin action: re-apply them as before, or re-apply and save them to the master DB.
import { expect, openAs } from '../src/fixtures.ts';
import { withOwnStack } from '../src/own-stack.ts';

const { test, own } = withOwnStack();
// Long journeys on a shared 2-core machine: each step has its own expect timeout.
test.describe.configure({ timeout: 180_000 });

interface SimState {
  asyncConnections: Record<string, { session: { deviceID: number }[]; db: { deviceID: number }[] }>;
  devices: Array<{ deviceID: number; managed: boolean }>;
}
const LOST = [544114231, 544114232, 544114235, 544114236, 544114241];

test('a gateway that reconnects: the lost connections are named and re-applied in one action', async ({
  page,
  browser,
}) => {
  await openAs(page, '/');
  await own.sim('/gateways/gateway1/offline');
  await own.sim('/gateways/gateway1/online');

  const notice = page.getByTestId('lost-connections').filter({ hasText: 'gateway1' });
  await expect(notice.getByRole('heading')).toHaveText(
    `gateway1 reconnected and lost ${LOST.length} connections`,
  );
  for (const id of LOST) await expect(notice.locator(`tr[data-device-id="${id}"]`)).toBeVisible();
  // The DB-saved ones came back by themselves and are not named.
  await expect(notice.locator('tr[data-device-id="544114233"]')).toHaveCount(0);
  await expect(notice.locator('tr[data-device-id="544114235"]')).toContainText(
    'One-off connection',
  );
  await expect(notice.locator('tr[data-device-id="544114231"]')).toContainText(
    'Session async registration',
  );

  // The tenant's viewer is told too, without any action.
  const viewerContext = await browser.newContext({ baseURL: own.stack().url });
  const viewer = await viewerContext.newPage();
  await openAs(viewer, '/', 'viewer');
  const seen = viewer.getByTestId('lost-connections');
  await expect(seen).toContainText('gateway1 reconnected and lost');
  await expect(seen).toContainText('An administrator can re-apply them.');
  await expect(seen.getByRole('button')).toHaveCount(0);
  await expect(seen.getByRole('checkbox')).toHaveCount(0);
  await viewerContext.close();

  // Admin: all but 544114236 re-applied and saved to the database, in one action.
  await notice.getByLabel('Re-apply device 544114236').uncheck();
  await expect(notice.getByLabel(/Re-apply and save to the master database/)).toBeChecked();
  await notice.getByRole('button', { name: 'Re-apply and save 4 to the database' }).click();
  await expect(notice.locator('tbody tr')).toHaveCount(1);
  await expect(notice.locator('tr[data-device-id="544114236"]')).toBeVisible();
  let state = (await own.sim('/state', 'GET')) as SimState;
  expect(state.asyncConnections.gateway1!.db.map((r) => r.deviceID)).toEqual(
    expect.arrayContaining([544114231, 544114232, 544114235, 544114241]),
  );

  // The last one as before (session only): the notice is gone.
  await notice.getByLabel(/Re-apply as before, not saved/).check();
  await notice.getByRole('button', { name: 'Re-apply 1 as before' }).click();
  await expect(page.getByTestId('lost-connections')).toHaveCount(0);
  state = (await own.sim('/state', 'GET')) as SimState;
  expect(state.asyncConnections.gateway1!.session.map((r) => r.deviceID)).toContain(544114236);
});

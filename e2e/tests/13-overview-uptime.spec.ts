// Issue 13, point 6: the overview's "Latest status changes" is filled from history after a reload;
// a device's uptime keeps dropping while it fails; the devices table fits a 1366 px wide screen
// without cutting the failure column or the flapping mark.
import { deviceRow, expect, openAs } from '../src/fixtures.ts';
import { withOwnStack } from '../src/own-stack.ts';

const { test, own } = withOwnStack();
// Long journeys on a shared 2-core machine: each step has its own expect timeout.
test.describe.configure({ timeout: 180_000 });

test('latest status changes survive a reload (from history)', async ({ page }) => {
  await openAs(page, '/');
  await own.sim('/devices/544114232/offline');
  const feed = page.getByTestId('live-feed');
  await expect(feed.getByRole('link', { name: '544114232' }).first()).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-mode', 'live');
  await expect(feed.getByRole('link', { name: '544114232' }).first()).toBeVisible();
  await own.sim('/devices/544114232/online?now=1');
});

test('uptime drops while a device is failing', async ({ page }) => {
  await openAs(page, '/devices/544114231');
  const uptime = page.getByTestId('uptime');
  await expect(uptime).toHaveText('100%');
  // Off the network: DISCONNECTED, then the gateway's retries fail (TCP_CANNOT_CONNECT).
  await own.sim('/devices/544114231/offline');
  await expect(page.getByTestId('detail-status')).toHaveText(/Cannot connect/);
  const percent = async () => Number((await uptime.textContent())?.replace('%', ''));
  const first = await percent();
  // Failing time keeps counting as down: the uptime falls while nothing else changes.
  await expect.poll(percent, { timeout: 40_000 }).toBeLessThan(Math.min(first, 95) - 5);
  await own.sim('/devices/544114231/online?now=1');
});

test('the devices table fits a 1366 px wide screen with its failure column and flapping marks', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  // A burst of changes makes devices flap (more than FLAP_THRESHOLD changes within the window).
  await own.sim('/churn', 'POST', { changesPerSecond: 200 });
  await new Promise((resolve) => setTimeout(resolve, 2000));
  await own.sim('/churn', 'POST', { changesPerSecond: 0 });
  await openAs(page, '/devices');
  const scroll = page.locator('.vt-scroll');
  await expect(deviceRow(page, 544114241)).toBeVisible();
  // No horizontal scrolling: every column is on screen.
  const { scrollWidth, clientWidth } = await scroll.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  const box = (await scroll.boundingBox())!;
  const header = page.getByRole('columnheader', { name: 'Last failure / result' });
  const headerBox = (await header.boundingBox())!;
  expect(headerBox.x + headerBox.width).toBeLessThanOrEqual(box.x + box.width + 1);
  expect(headerBox.width).toBeGreaterThanOrEqual(140);
  // The unreachable device's failure reason is there, in a column wide enough to read.
  const failure = deviceRow(page, 544114241).getByRole('gridcell').last();
  await expect(failure).not.toBeEmpty();
  expect((await failure.boundingBox())!.width).toBeGreaterThanOrEqual(140);
  // Every flapping mark sits whole inside its status cell, next to the badge.
  const flaps = page.locator('.vt-row .flap');
  await expect(flaps.first()).toBeVisible();
  for (const flap of await flaps.all()) {
    const mark = (await flap.boundingBox())!;
    const cell = (await flap.locator('xpath=..').boundingBox())!;
    expect(mark.x + mark.width).toBeLessThanOrEqual(cell.x + cell.width);
    expect(mark.x + mark.width).toBeLessThanOrEqual(box.x + box.width);
  }
});

// Issue 14.1 and 14.5 in the browser, on a stack of this file's own: an administrator sees a banner
// while the console's database refuses writes (a real SQLITE_FULL: max_page_count at the current
// size) and it goes once space returns; a viewer locked out by wrong passwords is unlocked from the
// accounts page. max_page_count holds for the connection that sets it, so this stack writes history
// on the BFF's main connection ('inline'); the history worker's own failures are covered by
// apps/bff/src/history/__tests__/history-worker.test.ts.
import { expect, openAs } from '../src/fixtures.ts';
import { withOwnStack } from '../src/own-stack.ts';
import { VIEWER } from '../src/stack.ts';

const { test, own } = withOwnStack({ historyWriter: 'inline' });

test('an administrator sees the storage banner while the disk is full, and it goes away', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openAs(page, '/');
  const banner = page.getByTestId('storage-banner');
  await expect(banner).toHaveCount(0);

  const db = own.stack().bff.db;
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
  try {
    // Changes the history must write: churn for a moment, then a whole gateway drops.
    await own.sim('/churn', 'POST', { changesPerSecond: 500 });
    await page.waitForTimeout(1000);
    await own.sim('/churn', 'POST', { changesPerSecond: 0 });
    await own.sim('/gateways/gateway1/offline');
    await expect(async () => {
      await page.reload();
      await expect(banner).toBeVisible({ timeout: 5000 });
    }).toPass({ timeout: 60_000 });
    await expect(banner).toContainText('The console cannot save data');
    await expect(banner).toContainText('SQLITE_FULL');
    await expect(banner).toContainText('held in memory');
  } finally {
    db.pragma('max_page_count = 1073741823');
  }
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('live-indicator')).toBeVisible();
    await expect(banner).toHaveCount(0);
  }).toPass({ timeout: 60_000 }); // the writer retries with a growing delay, at most 10 s
});

test('an administrator unlocks a viewer locked out by wrong passwords', async ({ page }) => {
  test.setTimeout(120_000);
  // Five wrong passwords from this address lock viewer1 here.
  for (let i = 0; i < 5; i++) {
    const res = await page.request.post('/api/v1/auth/login', {
      data: { username: VIEWER.username, password: 'wrong-password' },
    });
    expect(res.status()).toBe(401);
  }
  const locked = await page.request.post('/api/v1/auth/login', {
    data: { username: VIEWER.username, password: VIEWER.password },
  });
  expect(locked.status()).toBe(429);

  await openAs(page, '/tenants');
  const unlock = page.getByRole('button', { name: `Unlock sign-in of ${VIEWER.username}` });
  await expect(unlock).toBeVisible();
  await unlock.click();
  await expect(unlock).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: VIEWER.username });
  await expect(row.getByRole('cell').nth(4)).toHaveText('—');

  const after = await page.request.post('/api/v1/auth/login', {
    data: { username: VIEWER.username, password: VIEWER.password },
  });
  expect(after.status()).toBe(200);
});

// Issue 14, point 3: an open page does not outlive its session. Signing out in one tab, or an admin
// resetting the user's password, sends every other open page of that session to sign-in at once —
// through the live connection, without the user touching the page.
import { expect, openAs } from '../src/fixtures.ts';
import { withOwnStack } from '../src/own-stack.ts';

const { test } = withOwnStack();

test('signing out in one tab sends the other tab of the session to sign-in at once', async ({
  page,
  context,
}) => {
  await openAs(page, '/');
  const other = await context.newPage();
  await other.goto('/devices');
  await expect(other.getByTestId('live-indicator')).toHaveAttribute('data-mode', 'live');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  // No click, no navigation in the other tab: the server closed its live connection.
  await expect(other).toHaveURL(/\/sign-in\?returnTo=%2Fdevices&expired=1$/, { timeout: 5000 });
  await expect(other.getByText('Your session ended')).toBeVisible();
});

test("an admin's password reset sends the viewer's open page to sign-in", async ({
  page,
  browser,
  baseURL,
}) => {
  await openAs(page, '/devices', 'viewer');
  const adminContext = await browser.newContext({ baseURL });
  const admin = await adminContext.newPage();
  await openAs(admin, '/');
  const { csrfToken } = (await (await admin.request.get('/api/v1/auth/me')).json()) as {
    csrfToken: string;
  };
  const { accounts } = (await (await admin.request.get('/api/v1/accounts')).json()) as {
    accounts: Array<{ id: number; username: string }>;
  };
  const viewer = accounts.find((a) => a.username === 'viewer1');
  expect(viewer).toBeDefined();
  const reset = await admin.request.post(`/api/v1/accounts/${viewer!.id}/password`, {
    headers: { 'x-csrf-token': csrfToken },
    data: { password: 'a brand new password 1' },
  });
  expect(reset.status()).toBe(204);

  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fdevices&expired=1$/, { timeout: 5000 });
  await adminContext.close();
});

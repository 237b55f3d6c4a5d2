import { expect, openAs, screenshot, signIn, test } from '../src/fixtures.ts';

test('an admin signs in and lands where they were going', async ({ page }) => {
  await page.goto('/devices?gateway=gateway1');
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fdevices%3Fgateway%3Dgateway1$/);
  // The list the page asks for as it starts, before the session is known, is refused quietly: a
  // visitor who never signed in is not told a session ended.
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('Your session ended')).toHaveCount(0);
  await screenshot(page, 'sign-in');
  await signIn(page, 'admin');
  await expect(page).toHaveURL(/\/devices\?gateway=gateway1$/);
  await expect(page.getByRole('heading', { name: 'Devices' })).toBeVisible();
  await expect(page.locator('.vt-row').first()).toBeVisible();
});

test('a wrong password is refused with the reason', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('User name').fill('admin');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test('an expired session returns to sign-in and then to the same page', async ({
  page,
  context,
}) => {
  await openAs(page, '/accept-filter?gateway=gateway2');
  await context.clearCookies();
  // The next request of this page finds no session: picking another gateway makes one, unless the
  // page's pending-device poll (every 10 s) asks first on a slow machine. Either way the user comes
  // back to the page as it was when the session ended.
  await page
    .getByLabel('Gateway')
    .selectOption('gateway1', { timeout: 10_000 })
    .catch(() => undefined);
  await expect(page).toHaveURL(/\/sign-in\?returnTo=.*accept-filter.*&expired=1/);
  const returnTo = new URL(page.url()).searchParams.get('returnTo') ?? '';
  expect(returnTo).toMatch(/^\/accept-filter\?gateway=gateway[12]$/);
  await expect(page.getByText('Your session ended')).toBeVisible();
  await signIn(page, 'admin');
  await expect(page).toHaveURL((url) => url.pathname + url.search === returnTo);
});

test('signing out ends the session for the API and the pages', async ({ page }) => {
  await openAs(page, '/devices');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);
  await page.goto('/devices');
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fdevices$/);
});

import { expect, openAs, test } from '../src/fixtures.ts';
import { ADMIN } from '../src/stack.ts';

test('signing in and selecting a device work from the keyboard alone', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByLabel('User name')).toBeFocused();
  await page.keyboard.type(ADMIN.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();

  await page.goto('/devices?gateway=gateway2');
  const box = page.getByRole('checkbox', { name: 'Select device 540092579' });
  await box.focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('selected-count')).toHaveText('1 selected');
  await page.getByRole('button', { name: 'Disconnect', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  // Focus stays inside the modal: Cancel, the confirm button, then back to Cancel.
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  // Focus returns to the control that opened the dialog.
  await expect(page.getByRole('button', { name: 'Disconnect', exact: true })).toBeFocused();
});

test('every form control of every page has a label', async ({ page }) => {
  const pages = [
    '/',
    '/devices',
    '/devices/544114231',
    '/gateways/gateway2',
    '/search',
    '/connect',
    '/async-connections',
    '/accept-filter',
    '/tenants',
    '/audit',
  ];
  await openAs(page, '/');
  for (const path of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('status', { name: 'Loading' })).toHaveCount(0);
    const unlabelled = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
          'input, select, textarea',
        ),
      ]
        .filter(
          (el) =>
            el.type !== 'hidden' &&
            el.labels?.length === 0 &&
            !el.getAttribute('aria-label') &&
            !el.getAttribute('aria-labelledby'),
        )
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    expect(unlabelled, `unlabelled controls on ${path}`).toEqual([]);
  }
});

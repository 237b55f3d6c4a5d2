// Issue 13, point 7: every page is usable on a phone (390 px) and a tablet (768 px): no sideways
// page scrolling, the navigation behind a menu button, wide tables scrolling inside their own box,
// every button reachable; plus a skip link and focus on the new page's heading after navigation.
import type { Page } from '@playwright/test';
import { expect, screenshot, signIn } from '../src/fixtures.ts';
import { waitLive, withOwnStack } from '../src/own-stack.ts';

const { test } = withOwnStack();

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 768, height: 1024 },
] as const;

const VIEWER_PAGES = [
  '/',
  '/devices',
  '/devices/544114231',
  '/gateways/gateway1',
  '/async-connections?gateway=gateway1',
  '/accept-filter?gateway=gateway1',
];
const ADMIN_PAGES = [
  ...VIEWER_PAGES,
  '/gateways/gateway2',
  '/search?gateway=gateway1',
  '/connect?gateway=gateway1',
  '/tenants',
  '/audit',
];

async function openSignedIn(page: Page, who: 'admin' | 'viewer'): Promise<void> {
  await page.goto('/sign-in');
  await signIn(page, who);
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  await waitLive(page);
}

async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Loading' })).toHaveCount(0);
  await expect(page.locator('.skeleton')).toHaveCount(0);
}

/** What makes a page unusable at this width, as readable strings (empty when all is well). */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const vw = window.innerWidth;
    const doc = document.documentElement;
    if (doc.scrollWidth > vw) problems.push(`page scrolls sideways: ${doc.scrollWidth} > ${vw}`);
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const visible = (el: Element) => {
      const s = getComputedStyle(el);
      return el.getClientRects().length > 0 && s.visibility !== 'hidden';
    };
    // Wide tables must scroll inside a box of their own that fits the screen.
    for (const table of document.querySelectorAll('main table, main .vt-head')) {
      if (!visible(table)) continue;
      const rect = table.getBoundingClientRect();
      if (rect.left >= 0 && rect.right <= vw + 0.5) continue;
      let box: Element | null = table.parentElement;
      while (box && box !== document.body) {
        const overflowX = getComputedStyle(box).overflowX;
        if (overflowX === 'auto' || overflowX === 'scroll') break;
        box = box.parentElement;
      }
      if (!box || box === document.body) {
        problems.push(`${describe(table)} is wider than the screen and does not scroll`);
        continue;
      }
      const boxRect = box.getBoundingClientRect();
      if (boxRect.right > vw + 0.5)
        problems.push(`the scroll box of ${describe(table)} is wider than the screen`);
    }
    // Every button and link-button can be brought on screen and is not covered by anything.
    for (const button of document.querySelectorAll('button, a.btn')) {
      if (!visible(button)) continue;
      button.scrollIntoView({ block: 'center', inline: 'center' });
      const r = button.getBoundingClientRect();
      if (r.left < -0.5 || r.right > vw + 0.5) {
        problems.push(
          `${describe(button)} is off screen (${Math.round(r.left)}–${Math.round(r.right)})`,
        );
        continue;
      }
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!hit || (hit !== button && !button.contains(hit)))
        problems.push(`${describe(button)} is covered by ${hit ? describe(hit) : 'nothing'}`);
    }
    window.scrollTo(0, 0);
    return problems;
  });
}

// Each page is loaded once and checked at both sizes: loaded at one and turned to the other, like a
// tablet rotated or a window resized. Which size a page loads at alternates from page to page, so
// both sizes are also checked as a first render. (Loading every page at each size took twice the
// navigations: the longest spec of the run.)
for (const who of ['admin', 'viewer'] as const) {
  test(`every page fits a phone and a tablet for the ${who}`, async ({ page }) => {
    test.setTimeout(300_000);
    const pages = who === 'admin' ? ADMIN_PAGES : VIEWER_PAGES;
    await openSignedIn(page, who);
    for (const [i, path] of pages.entries()) {
      const sizes = i % 2 === 0 ? SIZES : [...SIZES].reverse();
      await page.setViewportSize({ width: sizes[0]!.width, height: sizes[0]!.height });
      await page.goto(path);
      await waitLive(page);
      await settled(page);
      for (const size of sizes) {
        await page.setViewportSize({ width: size.width, height: size.height });
        // Polled: widths measured by the page's own code follow a resize a frame or two later.
        await expect
          .poll(() => layoutProblems(page), { message: `${path} at ${size.width} px as ${who}` })
          .toEqual([]);
        if (
          who === 'admin' &&
          ['/devices', '/devices/544114231', '/tenants', '/audit'].includes(path)
        )
          await screenshot(
            page,
            `${size.name}-${path.split('/')[1] ?? 'x'}${path.includes('5441') ? '-detail' : ''}`,
          );
        if (who === 'viewer' && path.startsWith('/accept-filter'))
          await screenshot(page, `${size.name}-viewer-accept-filter`);
      }
    }
    await page.goto('/');
    await settled(page);
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await expect
        .poll(() => layoutProblems(page), { message: `/ at ${size.width} px` })
        .toEqual([]);
      await screenshot(page, `${size.name}-${who}-overview`);
    }
  });
}

for (const size of SIZES) {
  test(`the sign-in page fits a ${size.name}`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto('/sign-in');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(await layoutProblems(page)).toEqual([]);
  });

  test(`on a ${size.name} the navigation sits behind a menu button`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openSignedIn(page, 'admin');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const menu = nav.getByRole('button', { name: 'Menu' });
    const devicesLink = nav.getByRole('link', { name: 'Devices', exact: true });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(devicesLink).toBeHidden();

    // Mouse: open, pick a page; the menu closes and focus lands on the new page's heading.
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(devicesLink).toBeVisible();
    await expect(nav.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await screenshot(page, `${size.name}-menu-open`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      size.width,
    );
    await devicesLink.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Devices' })).toBeFocused();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(devicesLink).toBeHidden();

    // Keyboard: Enter opens, Tab walks into the links, Escape closes and returns to the button.
    await menu.focus();
    await page.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('link', { name: 'Overview' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(devicesLink).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Escape');
  });
}

test('the first Tab offers a skip link that moves focus to the main content', async ({ page }) => {
  await openSignedIn(page, 'admin');
  await page.goto('/devices');
  await settled(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await expect(skip).not.toBeInViewport();
});

test('after navigating, focus is on the new page heading', async ({ page }) => {
  test.setTimeout(120_000);
  await openSignedIn(page, 'admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeFocused();
  const nav = page.getByRole('navigation', { name: 'Main' });
  // On a desktop the links stay in the sidebar: no menu button.
  await expect(nav.getByRole('button', { name: 'Menu' })).toBeHidden();
  for (const [link, heading] of [
    ['Audit log', 'Audit log'],
    ['Devices', 'Devices'],
    ['Tenants & accounts', /Tenants/],
    ['Accept filter', 'Accept filter'],
  ] as const) {
    await nav.getByRole('link', { name: link, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
  }
  // Back in history is a navigation too.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: /Tenants/ })).toBeFocused();
});

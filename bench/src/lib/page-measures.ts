// What the browser scenario measures in the page: long tasks and frame intervals (an init script
// installed before any app script), the time until the Devices page shows its rows, the time a
// status filter takes to show filtered rows, and the main thread while the page watches changes.
import type { Page } from '@playwright/test';
import { sleep } from './clock.ts';
import { distribution, type Distribution } from './stats.ts';

declare global {
  interface Window {
    __bench: {
      longTasks: Array<{ start: number; duration: number }>;
      frames: number[];
      watching: boolean;
      /** performance.now() of the last change event of a <select> (a filter picked in the UI). */
      changedAt: number;
    };
  }
}

/**
 * Installed before any app script: long tasks and frame intervals, recorded while `watching`. A
 * string, not a function: tsx may wrap named functions in helpers that do not exist in the page.
 */
export const INSTRUMENT = `
  window.__bench = { longTasks: [], frames: [], watching: false, changedAt: 0 };
  document.addEventListener('change', () => { window.__bench.changedAt = performance.now(); }, true);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (window.__bench.watching) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: false });
  let last = 0;
  const frame = (t) => {
    if (window.__bench.watching && last > 0) window.__bench.frames.push(t - last);
    last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
`;

export interface Load {
  usableMs: number;
  /** When the app asked for the list, and when the answer was in (both ms from navigation). */
  apiRequestMs: number;
  apiMs: number;
}

/** Resolves (performance.now() in the page) once the total reads `total` devices and a row is drawn. */
async function rowsShown(page: Page, total: string): Promise<number> {
  const handle = await page.waitForFunction(
    (expected) => {
      const totalText = document.querySelector('[data-testid="device-total"]')?.textContent ?? '';
      const row = document.querySelector('.vt-row');
      return totalText.startsWith(`${expected} device`) &&
        !totalText.includes('refreshing') &&
        row !== null &&
        row.getBoundingClientRect().height > 0
        ? performance.now()
        : false;
    },
    total,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Navigation start -> the table shows the total of every device and a row is on screen; plus when
 * the list API answered. `search` is the Devices page's query string ('' = its defaults).
 */
export async function loadDevicesPage(
  page: Page,
  url: string,
  total: string,
  search = '',
): Promise<Load> {
  await page.goto(`${url}/devices${search}`, { waitUntil: 'commit' });
  const usableMs = await rowsShown(page, total);
  const api = await page.evaluate(() => {
    const r = performance
      .getEntriesByType('resource')
      .find((e) => e.name.includes('/api/v1/devices?')) as PerformanceResourceTiming | undefined;
    return r ? { start: r.startTime, end: r.responseEnd } : { start: NaN, end: NaN };
  });
  return { usableMs, apiRequestMs: api.start, apiMs: api.end };
}

/**
 * Picks `option` in the select labelled `label` as a user would, and returns the ms from the
 * select's change event until the filtered total (`total`) shows with a row drawn.
 */
export async function filterResponds(
  page: Page,
  label: string,
  option: string,
  total: string,
): Promise<number> {
  await page.getByLabel(label, { exact: true }).selectOption({ label: option });
  const shownAt = await rowsShown(page, total);
  const changedAt = await page.evaluate(() => window.__bench.changedAt);
  if (!changedAt) throw new Error(`picking "${option}" in "${label}" fired no change event`);
  return shownAt - changedAt;
}

export interface Watch {
  /** socket.io frames the page received in the window: proof the changes did arrive. */
  wsFrames: number;
  longTasks: Array<{ start: number; duration: number }>;
  frames: Distribution;
  maxLongTaskMs: number;
}

/** Watches long tasks and frames for a window while scrolling the table now and then (a user reading it). */
export async function watch(page: Page, ms: number, frames: { count: number }): Promise<Watch> {
  const framesBefore = frames.count;
  await page.evaluate(() => {
    window.__bench.longTasks = [];
    window.__bench.frames = [];
    window.__bench.watching = true;
  });
  const until = Date.now() + ms;
  let down = true;
  await page.locator('.vt-row').first().hover();
  while (Date.now() < until) {
    await page.mouse.wheel(0, down ? 400 : -400);
    down = !down;
    await sleep(500);
  }
  const got = await page.evaluate(() => {
    window.__bench.watching = false;
    return { longTasks: window.__bench.longTasks, frames: window.__bench.frames };
  });
  return {
    wsFrames: frames.count - framesBefore,
    longTasks: got.longTasks,
    frames: distribution(got.frames),
    maxLongTaskMs: Math.max(0, ...got.longTasks.map((t) => t.duration)),
  };
}

// What the browser scenario measures in the page: long tasks and frame intervals (an init script
// installed before any app script), the time until the Devices page shows its rows, the time a
// status filter takes to show filtered rows, and the main thread while the page watches changes.
import type { BrowserContext, Page } from '@playwright/test';
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
      /** Each device total the table showed with a row drawn, and the frame it first did. */
      shown: Array<{ text: string; at: number }>;
    };
  }
}

/**
 * Installed before any app script: long tasks and frame intervals, recorded while `watching`, and
 * in every frame whether the Devices table shows a total with a row drawn (`shown`). A string, not
 * a function: tsx may wrap named functions in helpers that do not exist in the page.
 *
 * The page records `shown` itself, and the bench reads it over a bare CDP session, because
 * Playwright's own waiting (page.waitForFunction) injects its script into the page as it loads:
 * 60-100 ms of the page's main thread during start-up, counted in the load time before
 * (bench/README.md, "Boot of the Devices page").
 */
export const INSTRUMENT = `
  window.__bench = { longTasks: [], frames: [], watching: false, changedAt: 0, shown: [] };
  document.addEventListener('change', () => { window.__bench.changedAt = performance.now(); }, true);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (window.__bench.watching) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: false });
  let last = 0;
  const noteShown = () => {
    const text = document.querySelector('[data-testid="device-total"]')?.textContent ?? '';
    const shown = window.__bench.shown;
    if (!text || text.includes('refreshing') || shown[shown.length - 1]?.text === text) return;
    const row = document.querySelector('.vt-row');
    if (row && row.getBoundingClientRect().height > 0) shown.push({ text, at: performance.now() });
  };
  const frame = (t) => {
    if (window.__bench.watching && last > 0) window.__bench.frames.push(t - last);
    last = t;
    noteShown();
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
`;

/** How long a new tab shows about:blank before a timed load (openSettledTab). */
export const SETTLE_MS = 1_000;

/**
 * A new tab that has shown about:blank for SETTLE_MS: its renderer process is up and idle, as in a
 * user's browser when they open the console. A timed navigation right after newPage() also timed
 * Chromium starting that process (and, after a page.close(), tearing the last one down): ~400-900 ms
 * on the bench machine that no change to the app could shorten (bench/README.md, "Boot of the
 * Devices page"). The tab's HTTP and code caches are the context's: the first load of a new context
 * is still a first visit.
 */
export async function openSettledTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto('about:blank');
  await sleep(SETTLE_MS);
  return page;
}

export interface Load {
  usableMs: number;
  /** When the app asked for the list, and when the answer was in (both ms from navigation). */
  apiRequestMs: number;
  apiMs: number;
}

/**
 * performance.now() in the page of the first frame, at or after `after`, in which the total read
 * `total` devices with a row drawn (INSTRUMENT's `shown`). Polled over a bare CDP session, which
 * puts no script into the page.
 */
async function rowsShown(page: Page, total: string, after = 0): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const expression = `(window.__bench?.shown ?? []).find((s) => s.at >= ${after} && s.text.startsWith(${JSON.stringify(`${total} device`)}))?.at ?? -1`;
  try {
    const until = Date.now() + 30_000;
    while (Date.now() < until) {
      const { result } = (await cdp.send('Runtime.evaluate', {
        expression,
        returnByValue: true,
      })) as {
        result: { value?: unknown };
      };
      if (typeof result.value === 'number' && result.value >= 0) return result.value;
      await sleep(20);
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  throw new Error(`the Devices page did not show "${total} devices" with a row drawn within 30 s`);
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
  const changedAt = await page.evaluate(() => window.__bench.changedAt);
  if (!changedAt) throw new Error(`picking "${option}" in "${label}" fired no change event`);
  return (await rowsShown(page, total, changedAt)) - changedAt;
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

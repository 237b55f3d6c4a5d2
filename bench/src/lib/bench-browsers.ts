// The Chromiums the browser scenario times the Devices page in, each context carrying the page
// instrumentation (INSTRUMENT) and the admin's session:
// - a browser profile of its own, as a user's browser has (new and empty, so its first load is a
//   first visit): the timed loads;
// - private contexts (Playwright's newContext) of a second Chromium, for comparison: Chromium keeps
//   no compiled code for a private context, so each of its loads compiles the app again
//   (bench/README.md, "Boot of the Devices page", item 16);
// - a Chromium just launched, for comparison (a load that also times Chromium's own start).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS } from '@cmc/e2e/chromium-args';
import { benchEnv } from '../env.ts';
import { ADMIN } from './bff-process.ts';
import { INSTRUMENT } from './page-measures.ts';

const VIEWPORT = { width: 1400, height: 900 };
const launchOptions = () => ({
  executablePath: benchEnv.chromiumPath(),
  args: [...CHROMIUM_ARGS],
});

export interface BenchBrowsers {
  /** The browser profile's context. */
  profile: BrowserContext;
  /** A new private context of the second Chromium. */
  newPrivateContext(): Promise<BrowserContext>;
  /** A private context of a Chromium launched now; `close` ends that Chromium. */
  launchNow(): Promise<{ context: BrowserContext; close(): Promise<void> }>;
  close(): Promise<void>;
}

export async function openBenchBrowsers(bffUrl: string): Promise<BenchBrowsers> {
  const signIntoContext = async (c: BrowserContext) => {
    await c.addInitScript(INSTRUMENT);
    const login = await c.request.post(`${bffUrl}/api/v1/auth/login`, { data: ADMIN });
    if (!login.ok())
      throw new Error(`browser sign-in failed: ${login.status()} ${await login.text()}`);
    return c;
  };
  const privateContextOf = async (b: Browser) =>
    signIntoContext(await b.newContext({ viewport: VIEWPORT }));
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmc-bench-browser-profile-'));
  const opened: Array<{ close(): Promise<void> }> = [];
  const close = async () => {
    for (const o of opened.reverse()) await o.close().catch(() => undefined);
    fs.rmSync(profileDir, { recursive: true, force: true });
  };
  try {
    const profile = await chromium.launchPersistentContext(profileDir, {
      ...launchOptions(),
      viewport: VIEWPORT,
    });
    opened.push(profile);
    await signIntoContext(profile);
    const second = await chromium.launch(launchOptions());
    opened.push(second);
    return {
      profile,
      newPrivateContext: () => privateContextOf(second),
      async launchNow() {
        const launched = await chromium.launch(launchOptions());
        try {
          return { context: await privateContextOf(launched), close: () => launched.close() };
        } catch (error) {
          await launched.close();
          throw error;
        }
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

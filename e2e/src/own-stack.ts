// A spec file that changes the world in ways the shared, ordered world cannot absorb (gateways taken
// offline for long, SSL flipped, registrations lost) starts a simulator and BFF of its own: the
// same parts as the global stack, on their own loopback ports, stopped after the file.
import { test as base, type Page } from '@playwright/test';
import { expect, simAt, type SimDevice } from './fixtures.ts';
import { startStack, type Stack, type StackOptions } from './stack.ts';

export interface OwnStack {
  /** The running stack (only inside tests and hooks). */
  stack(): Stack;
  /** This stack's simulator control API. */
  sim(path: string, method?: 'GET' | 'POST', body?: unknown): Promise<unknown>;
  simDevice(deviceID: number): Promise<SimDevice>;
}

/**
 * Call at the top of a spec file: `const { test, own } = withOwnStack();` and use that `test`.
 * The stack starts before the file's first test and stops after its last.
 */
export function withOwnStack(options: StackOptions = {}): {
  test: typeof base;
  own: OwnStack;
} {
  let running: Stack | undefined;
  const current = (): Stack => {
    if (!running) throw new Error('the stack of this spec file is not running (use it in a test)');
    return running;
  };
  const test = base.extend({
    // Playwright resolves option fixtures such as baseURL before the file's beforeAll hooks run,
    // so whichever comes first starts the stack.
    // Playwright reads fixture dependencies from the destructuring pattern, so it must be an object.
    // eslint-disable-next-line no-empty-pattern
    baseURL: async ({}, use) => {
      await use((await start()).url);
    },
  });
  let starting: Promise<Stack> | undefined;
  const start = (): Promise<Stack> => {
    starting ??= startStack(options).then((s) => (running = s));
    return starting;
  };
  test.beforeAll(async () => {
    await start();
  });
  test.afterAll(async () => {
    await running?.stop();
    running = undefined;
    starting = undefined;
  });
  const own: OwnStack = {
    stack: current,
    sim: (path, method = 'POST', body) => simAt(current().controlUrl, path, method, body),
    async simDevice(deviceID) {
      const state = (await own.sim('/state', 'GET')) as { devices: SimDevice[] };
      const device = state.devices.find((d) => d.deviceID === deviceID);
      if (!device) throw new Error(`simulator has no device ${deviceID}`);
      return device;
    },
  };
  return { test, own };
}

/** Waits until the live channel of the page is live (after a sign-in or a reload). */
export async function waitLive(page: Page): Promise<void> {
  await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-mode', 'live');
}

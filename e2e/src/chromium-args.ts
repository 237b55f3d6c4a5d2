// Chromium's command-line switches for every browser the repository starts (Playwright's e2e run
// and the bench's browser scenario): Debian's Chromium as root in a container, so no sandbox and
// no GPU, and none of its background traffic (updates, sync, component downloads), which would
// also break the loopback-only rule.
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// The only reader (and writer) of process.env in the e2e package. Read on each call, not at import:
// the global setup publishes the stack's URLs here, and the workers it starts inherit them.
export const e2eEnv = {
  /** Debian's Chromium, never a downloaded browser. */
  chromiumPath: (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  /** A web build of one's own, tested while another build is being written. */
  webDist: (): string | undefined => process.env.E2E_WEB_DIST,
  /** `E2E_UPDATE_SCREENSHOTS=1` writes the README copies of the screenshots. */
  updateScreenshots: (): boolean => process.env.E2E_UPDATE_SCREENSHOTS === '1',
  /** scripts/test-all.mjs asks for a JSON report to count the results. */
  jsonReport: (): boolean => Boolean(process.env.PLAYWRIGHT_JSON_OUTPUT_NAME),
  baseUrl: (): string | undefined => process.env.E2E_BASE_URL,
  controlUrl: (): string | undefined => process.env.E2E_CONTROL_URL,
};

/** The global setup's shared stack, handed to the workers through their inherited environment. */
export function publishStack(stack: { url: string; controlUrl: string }): void {
  process.env.E2E_BASE_URL = stack.url;
  process.env.E2E_CONTROL_URL = stack.controlUrl;
}

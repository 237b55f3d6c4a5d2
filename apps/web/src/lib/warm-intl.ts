/**
 * Starts warm-intl-worker.ts, which loads the locale data of the console's formatters on another
 * thread while this one evaluates the app. Only a head start: where workers are unavailable (tests)
 * or refused, format.ts loads the data itself on first use.
 */
export function warmIntl(): void {
  if (typeof Worker === 'undefined') return;
  try {
    new Worker(new URL('./warm-intl-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    // Refused (e.g. by a content security policy): the formatters are built on first use.
  }
}

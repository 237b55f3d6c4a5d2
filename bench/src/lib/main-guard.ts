import { pathToFileURL } from 'node:url';

/** True when the module is the script node was started with (so a scenario also runs alone). */
export function isMain(importMetaUrl: string): boolean {
  return process.argv[1] !== undefined && importMetaUrl === pathToFileURL(process.argv[1]).href;
}

/** Runs a scenario's main, printing a failure as one line and exiting non-zero. */
export function runMain(main: () => Promise<unknown>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      // fetch's own message is only "fetch failed": what went wrong is in its cause.
      const cause = error instanceof Error && error.cause !== undefined ? error.cause : undefined;
      process.stderr.write(
        `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}${cause === undefined ? '' : `\ncaused by: ${cause instanceof Error ? cause.message : String(cause)}`}\n`,
      );
      process.exit(1);
    },
  );
}

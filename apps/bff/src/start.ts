// Shared start-up of main.ts and the demo (apps/demo): listen, print how to reach it, drain on SIGTERM/SIGINT.
import { createBff, type Bff, type BffDeps } from './app.ts';
import type { Config } from './config.ts';
import { SettingError } from './env.ts';

export async function startBff(config: Config, deps: BffDeps = {}): Promise<Bff> {
  const bff = await createBff(config, deps);
  try {
    await bff.listen();
  } catch (error) {
    await bff.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new SettingError('PORT', `${config.host}:${config.port} is already in use`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new SettingError('HOST', `cannot listen on ${config.host}`);
    throw error;
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    bff.logger.info('shutting down', { signal });
    // Log writes are asynchronous: what is still buffered is written before the process exits.
    const exit = (code: number) => bff.logger.flush().finally(() => process.exit(code));
    bff.close().then(
      () => exit(0),
      (error: unknown) => {
        bff.logger.error('shutdown failed', { error });
        return exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  return bff;
}

/** The URL the server listens on (the bound port, so PORT=0 prints the real one). */
export function urlOf(config: Config, bff?: Bff): string {
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const bound = bff?.server.address();
  const port = bound && typeof bound === 'object' ? bound.port : config.port;
  return `${config.tls ? 'https' : 'http'}://${host}:${port}`;
}

/** Prints a start-up failure as one line and exits 1; a SettingError names the setting. */
export function failStart(error: unknown): never {
  const line =
    error instanceof SettingError
      ? error.message
      : `Start-up failed: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

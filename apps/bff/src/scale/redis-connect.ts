// Opens an ioredis connection and waits until it is ready, so an unreachable Redis stops the start
// with one clear line (naming REDIS_URL) instead of commands queueing forever.
import { Redis } from 'ioredis';
import { SettingError } from '../env.ts';
import type { Logger } from '../logger.ts';

/** The URL as it may be logged or shown: without a password. */
export function redactRedisUrl(url: string): string {
  return url.replace(/^(\w+:\/\/)[^@/]*@/, '$1***@');
}

export async function connectRedis(
  url: string,
  name: string,
  logger: Logger,
  timeoutMs = 5000,
): Promise<Redis> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectionName: `cmc-bff-${name}`,
    connectTimeout: timeoutMs,
    // Once running, a broken connection is retried (up to 2 s apart) and commands wait for it; the
    // stream leases expire meanwhile, so no instance keeps a stream it cannot prove it holds.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    maxRetriesPerRequest: 3,
  });
  let lastError: Error | undefined;
  client.on('error', (error: Error) => {
    // ioredis reports every failed reconnect; one line per distinct cause is enough.
    if (lastError?.message !== error.message)
      logger.warn('redis connection error', { connection: name, error: error.message });
    lastError = error;
  });
  client.on('ready', () => {
    if (lastError) logger.info('redis connection back', { connection: name });
    lastError = undefined;
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect().then(() => client.ping()),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } catch (error) {
    client.disconnect();
    // ioredis rejects connect() with "Connection is closed."; the socket error says why.
    const cause = (lastError ?? error) as NodeJS.ErrnoException;
    const reason = cause.code ?? cause.message;
    throw new SettingError('REDIS_URL', `cannot connect to ${redactRedisUrl(url)} (${reason})`);
  } finally {
    clearTimeout(timer);
  }
  return client;
}

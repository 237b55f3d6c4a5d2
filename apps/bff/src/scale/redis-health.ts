// Readiness of the Redis that sessions, login counters and the socket.io adapter live in: one PING
// through the connection the BFF already holds, bounded in time, so /readyz never hangs on Redis and
// never opens a connection per probe. Error texts never carry the password from REDIS_URL.
import type { Redis } from 'ioredis';

export interface RedisHealth {
  reachable: boolean;
  /** What was wrong, prefixed "redis: "; null when reachable. */
  error: string | null;
}

/** The subset of an ioredis client the check uses. */
export type PingableRedis = Pick<Redis, 'status' | 'ping' | 'on'>;

/** The password in a redis:// URL, if any (user:password@ or :password@). */
function urlPassword(url: string): string | null {
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password === '' ? null : password;
  } catch {
    return null;
  }
}

export function createRedisHealthCheck(
  redis: PingableRedis,
  url: string,
  timeoutMs = 1000,
): () => Promise<RedisHealth> {
  const password = urlPassword(url);
  const failed = (reason: string): RedisHealth => {
    const error = `redis: ${reason}`;
    return { reachable: false, error: password ? error.split(password).join('***') : error };
  };

  // The client's last connection error says why it is not ready ("connect ECONNREFUSED ...").
  let lastError: Error | undefined;
  redis.on('error', (error: Error) => (lastError = error));
  redis.on('ready', () => (lastError = undefined));

  // Probes that arrive while a PING is still out share it: a stuck Redis gets no pile of PINGs.
  let inflight: Promise<RedisHealth> | null = null;

  async function ping(): Promise<RedisHealth> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const answer = await Promise.race([
        redis.ping(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`PING timed out after ${timeoutMs} ms`)),
            timeoutMs,
          );
        }),
      ]);
      return answer === 'PONG'
        ? { reachable: true, error: null }
        : failed(`PING answered ${JSON.stringify(answer)}`);
    } catch (error) {
      return failed(error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(timer);
    }
  }

  return () => {
    // Not connected (reconnecting, closed): say so at once instead of queueing a PING that waits.
    if (redis.status !== 'ready') {
      const cause = lastError ? `: ${lastError.message}` : '';
      return Promise.resolve(failed(`not connected (${redis.status}${cause})`));
    }
    inflight ??= ping().finally(() => (inflight = null));
    return inflight;
  };
}

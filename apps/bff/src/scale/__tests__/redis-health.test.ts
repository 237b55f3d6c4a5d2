// Unit test of the /readyz Redis check alone (a stand-in client; the real Redis paths are in
// readyz.scale.test.ts): the password from REDIS_URL never reaches the error, a disconnected client is
// reported at once with its last error, and probes during a slow PING share it.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createRedisHealthCheck, type PingableRedis } from '../redis-health.ts';

const URL_WITH_PASSWORD = 'redis://cmc:s3cret%21pw@127.0.0.1:6379/0';

function client(ping: () => Promise<string>, status = 'ready') {
  const emitter = new EventEmitter();
  let pings = 0;
  const fake = Object.assign(emitter, {
    status,
    ping: () => {
      pings += 1;
      return ping();
    },
  });
  return { fake, redis: fake as unknown as PingableRedis, pings: () => pings };
}

describe('createRedisHealthCheck', () => {
  it('is reachable when PING answers PONG', async () => {
    const { redis } = client(() => Promise.resolve('PONG'));
    expect(await createRedisHealthCheck(redis, URL_WITH_PASSWORD)()).toEqual({
      reachable: true,
      error: null,
    });
  });

  it("reports the client's error without the password", async () => {
    const { redis } = client(() =>
      Promise.reject(new Error('WRONGPASS invalid username-password pair: s3cret!pw')),
    );
    const health = await createRedisHealthCheck(redis, URL_WITH_PASSWORD)();
    expect(health).toEqual({
      reachable: false,
      error: 'redis: WRONGPASS invalid username-password pair: ***',
    });
  });

  it('reports a disconnected client at once, with its last connection error', async () => {
    const { fake, redis, pings } = client(() => Promise.resolve('PONG'), 'reconnecting');
    const check = createRedisHealthCheck(redis, URL_WITH_PASSWORD);
    fake.emit('error', new Error('connect ECONNREFUSED 127.0.0.1:6379'));
    expect(await check()).toEqual({
      reachable: false,
      error: 'redis: not connected (reconnecting: connect ECONNREFUSED 127.0.0.1:6379)',
    });
    expect(pings()).toBe(0);
    fake.status = 'ready';
    fake.emit('ready');
    expect(await check()).toEqual({ reachable: true, error: null });
  });

  it('times out a PING that does not answer, and probes meanwhile share one PING', async () => {
    const { redis, pings } = client(() => new Promise<string>(() => undefined));
    const check = createRedisHealthCheck(redis, URL_WITH_PASSWORD, 50);
    const [first, second] = await Promise.all([check(), check()]);
    const timedOut = { reachable: false, error: 'redis: PING timed out after 50 ms' };
    expect(first).toEqual(timedOut);
    expect(second).toEqual(timedOut);
    expect(pings()).toBe(1);
    expect(await check()).toEqual(timedOut);
    expect(pings()).toBe(2);
  });
});

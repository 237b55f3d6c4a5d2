// The per-key Redis lock against a real redis-server: two serializers on two connections stand for two
// BFF instances. A change waits for the other instance's change to the same key, a dead holder's lock
// only delays it by the lock's ttl, and without Redis no change runs.
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { HttpProblem } from '../../http/problem.ts';
import { createLogger } from '../../logger.ts';
import { LOCK_PREFIX, redisSerializeByKey } from '../redis-serialize-by-key.ts';

const logger = createLogger({ level: 'silent' });
const describeKey = (key: string) => `the accept filters of gateway ${key}`;
const connections: Redis[] = [];
const connect = () => {
  const c = new Redis(inject('redisUrl'));
  connections.push(c);
  return c;
};
afterAll(() => connections.forEach((c) => c.disconnect()));

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('redisSerializeByKey', () => {
  it("runs one key's changes one at a time across instances, other keys alongside, and leaves no lock behind", async () => {
    const scope = `test-${Date.now()}`;
    const one = redisSerializeByKey(connect(), scope, { describe: describeKey, logger });
    const two = redisSerializeByKey(connect(), scope, {
      describe: describeKey,
      logger,
      retryMs: 5,
    });
    const log: string[] = [];
    const release = deferred();
    const first = one('gw-1', async () => {
      log.push('one start');
      await release.promise;
      log.push('one end');
      return 'one';
    });
    await expect.poll(() => log).toEqual(['one start']);
    const second = two('gw-1', async () => {
      log.push('two start');
      return 'two';
    });
    const other = await two('gw-2', async () => 'other key');
    expect(other).toBe('other key');
    // The second instance polls the busy lock and must not have started.
    await new Promise((r) => setTimeout(r, 100));
    expect(log).toEqual(['one start']);
    release.resolve();
    expect(await Promise.all([first, second])).toEqual(['one', 'two']);
    expect(log).toEqual(['one start', 'one end', 'two start']);
    expect(await connections[0]!.keys(`${LOCK_PREFIX}${scope}:*`)).toEqual([]);
  });

  it('releases the lock after a failed change, so the next one runs', async () => {
    const scope = `test-fail-${Date.now()}`;
    const run = redisSerializeByKey(connect(), scope, { describe: describeKey, logger });
    const failed = run('gw-1', async () => {
      throw new Error('master refused');
    });
    await expect(failed).rejects.toThrow('master refused');
    await expect(run('gw-1', async () => 'ran')).resolves.toBe('ran');
  });

  it("waits out a dead instance's lock (its ttl), and refuses with a 503 naming the subject when the wait is too long", async () => {
    const scope = `test-dead-${Date.now()}`;
    const redis = connect();
    // A lock left by an instance that died mid-change: nobody renews or releases it.
    await redis.set(`${LOCK_PREFIX}${scope}:gw-1`, 'dead-instance', 'PX', 300);
    const patient = redisSerializeByKey(redis, scope, {
      describe: describeKey,
      logger,
      retryMs: 20,
    });
    const startedAt = Date.now();
    await expect(patient('gw-1', async () => 'after the ttl')).resolves.toBe('after the ttl');
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(250);

    await redis.set(`${LOCK_PREFIX}${scope}:gw-2`, 'dead-instance', 'PX', 5000);
    const hasty = redisSerializeByKey(redis, scope, {
      describe: describeKey,
      logger,
      waitMs: 100,
      retryMs: 20,
    });
    let ran = false;
    const refusal = await hasty('gw-2', async () => (ran = true)).catch((e: unknown) => e);
    expect(ran).toBe(false);
    expect(refusal).toBeInstanceOf(HttpProblem);
    expect(refusal).toMatchObject({ status: 503 });
    expect((refusal as HttpProblem).detail).toMatch(
      /another change to the accept filters of gateway gw-2 has been running for over 0.1 s \(made through another console instance\); try again$/,
    );
  });

  it('renews the lock while a long change runs, so another instance cannot take it meanwhile', async () => {
    const scope = `test-long-${Date.now()}`;
    const one = redisSerializeByKey(connect(), scope, {
      describe: describeKey,
      logger,
      ttlMs: 150,
    });
    const two = redisSerializeByKey(connect(), scope, {
      describe: describeKey,
      logger,
      ttlMs: 150,
      retryMs: 10,
    });
    const log: string[] = [];
    const first = one('gw-1', async () => {
      log.push('one start');
      await new Promise((r) => setTimeout(r, 500)); // over three ttls
      log.push('one end');
    });
    await expect.poll(() => log).toEqual(['one start']);
    await two('gw-1', async () => void log.push('two'));
    await first;
    expect(log).toEqual(['one start', 'one end', 'two']);
  });

  it('runs nothing when Redis does not answer, and says so', async () => {
    const down = new Redis({
      port: 1,
      host: '127.0.0.1',
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    connections.push(down);
    const run = redisSerializeByKey(down, 'test-down', { describe: describeKey, logger });
    let ran = false;
    const refusal = await run('gw-1', async () => (ran = true)).catch((e: unknown) => e);
    expect(ran).toBe(false);
    expect(refusal).toMatchObject({ status: 503 });
    expect((refusal as HttpProblem).detail).toMatch(
      /cannot change the accept filters of gateway gw-1: Redis.*did not answer/,
    );
  });
});

// connectRedis without a Redis: refused and silent endpoints end in a SettingError naming REDIS_URL
// within the timeout (a start must never hang on Redis), and passwords never reach the message.
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { SettingError } from '../../env.ts';
import { createLogger } from '../../logger.ts';
import { connectRedis, redactRedisUrl } from '../redis-connect.ts';

const logger = createLogger({ level: 'silent' });
const sockets: net.Socket[] = [];
// Accepts connections and never answers: a wrong service, or a Redis that is stuck.
const silent = net.createServer((s) => void sockets.push(s));
afterAll(() => {
  for (const s of sockets) s.destroy();
  silent.close();
});

describe('connectRedis', () => {
  it('names REDIS_URL and the cause when the connection is refused', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as net.AddressInfo).port;
        probe.close(() => resolve(p));
      });
    });
    const error = await connectRedis(
      `redis://user:pw@127.0.0.1:${port}`,
      'test',
      logger,
      2000,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingError);
    expect((error as Error).message).toBe(
      `Invalid setting REDIS_URL: cannot connect to redis://***@127.0.0.1:${port} (ECONNREFUSED)`,
    );
  });

  it('gives up after the timeout when the endpoint accepts but never answers', async () => {
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    const started = Date.now();
    const error = await connectRedis(`redis://127.0.0.1:${port}`, 'test', logger, 500).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toMatch(
      new RegExp(`^Invalid setting REDIS_URL: cannot connect to redis://127.0.0.1:${port} \\(`),
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('redacts the password of a URL', () => {
    expect(redactRedisUrl('rediss://u:p@host:6380/1')).toBe('rediss://***@host:6380/1');
    expect(redactRedisUrl('redis://host:6379')).toBe('redis://host:6379');
  });
});

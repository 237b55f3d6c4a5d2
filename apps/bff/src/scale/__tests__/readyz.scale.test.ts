// /readyz of a scaled-out BFF (its own process, its own password-protected redis-server, so the shared
// one stays up): ready with Redis answering; 503 naming Redis while Redis is stuck or down, with the
// master still fine and the password never in the answer; ready again once Redis is back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readyResponse } from '@cmc/api';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually } from '../../live/__tests__/live-world.ts';
import { startBffProcess, type BffProcess } from './bff-process.ts';
import { startRedisServer, type RedisServer } from './redis-server.ts';

const REDIS_PASSWORD = 'readyz-redis-secret-7f3a';
const MASTER_OK = { reachable: true, loggedIn: true, error: null };

describe('/readyz with REDIS_URL', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmc-scale-readyz-'));
  let redis: RedisServer;
  let bff: BffProcess;

  beforeAll(async () => {
    redis = await startRedisServer(undefined, { password: REDIS_PASSWORD });
    expect(redis.url).toContain(REDIS_PASSWORD);
    const certDir = inject('certDir');
    bff = await startBffProcess('readyz', {
      CMC_MODE: 'test',
      REDIS_URL: redis.url,
      MASTER_PORT: String(inject('simPort')),
      MASTER_CA_FILE: path.join(certDir, 'ca.crt'),
      ADMIN_CERT_FILE: path.join(certDir, 'admin.crt'),
      ADMIN_KEY_FILE: path.join(certDir, 'admin_key.pem'),
      DATA_DIR: path.join(dir, 'data'),
      WEB_DIST_DIR: path.join(dir, 'no-web'),
      SESSION_SECRET: 'scale-test-session-secret-0123456789abcdef',
      CONSOLE_ADMIN_PASSWORD: 'readyz-admin-password-1',
    });
  });

  afterAll(async () => {
    redis?.resume();
    await bff?.kill('SIGTERM');
    await redis?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function readyz(): Promise<{ status: number; text: string; body: unknown }> {
    const res = await fetch(`${bff.url}/readyz`);
    const text = await res.text();
    const body: unknown = JSON.parse(text);
    // Every answer, ready or not, fits the shared schema.
    expect(readyResponse.strict().parse(body)).toEqual(body);
    return { status: res.status, text, body };
  }

  const ready = async () => {
    const r = await readyz();
    expect(r.body).toEqual({
      ready: true,
      master: MASTER_OK,
      redis: { reachable: true, error: null },
    });
    expect(r.status).toBe(200);
  };

  it('is ready when the master and Redis both answer', ready);

  it('is not ready while Redis is stuck (PING timed out), and ready again once it answers', async () => {
    redis.pause();
    try {
      const r = await readyz();
      expect(r.status).toBe(503);
      expect(r.body).toEqual({
        ready: false,
        master: MASTER_OK,
        redis: { reachable: false, error: 'redis: PING timed out after 1000 ms' },
      });
    } finally {
      redis.resume();
    }
    await eventually(ready, 10_000);
  });

  it('is not ready while Redis is down (error names Redis, no password), and ready again after', async () => {
    await redis.stop();
    const down = await eventually(async () => {
      const r = await readyz();
      expect(r.status).toBe(503);
      return r;
    }, 10_000);
    const body = down.body as { ready: boolean; master: unknown; redis: { error: string } };
    expect(body.ready).toBe(false);
    expect(body.master).toEqual(MASTER_OK);
    expect(body.redis).toEqual({ reachable: false, error: expect.stringMatching(/^redis: /) });
    // The client's own reason, e.g. "redis: not connected (reconnecting: connect ECONNREFUSED ...)".
    expect(body.redis.error).toMatch(/ECONNREFUSED|Connection is closed|not connected/);
    expect(down.text).not.toContain(REDIS_PASSWORD);

    redis = await startRedisServer(redis.port, { password: REDIS_PASSWORD });
    await eventually(ready, 15_000);
  });
});

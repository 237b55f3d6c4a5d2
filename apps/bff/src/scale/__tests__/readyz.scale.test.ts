// /readyz of a scaled-out BFF (its own process, its own password-protected redis-server, so the shared
// one stays up): ready with Redis answering; 503 while Redis is stuck or down, the password never in
// the answer; ready again once Redis is back. The reasons are shown to a signed-in administrator only
// (issue 14.8) — and sessions live in Redis, so while it is stuck or down nobody gets them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readyResponse } from '@cmc/api';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually } from '../../live/__tests__/live-world.ts';
import { testBffEnv } from '../../__tests__/test-bff-env.ts';
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
    bff = await startBffProcess(
      'readyz',
      testBffEnv({ port: inject('simPort'), certDir }, dir, {
        REDIS_URL: redis.url,
        SESSION_SECRET: 'scale-test-session-secret-0123456789abcdef',
        CONSOLE_ADMIN_PASSWORD: 'readyz-admin-password-1',
      }),
    );
  });

  afterAll(async () => {
    redis?.resume();
    await bff?.kill('SIGTERM');
    await redis?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  let adminCookie = '';
  async function signInAdmin(): Promise<void> {
    const res = await fetch(`${bff.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'readyz-admin-password-1' }),
    });
    expect(res.status).toBe(200);
    adminCookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  }

  async function readyz(asAdmin = true): Promise<{ status: number; text: string; body: unknown }> {
    const res = await fetch(
      `${bff.url}/readyz`,
      asAdmin ? { headers: { cookie: adminCookie } } : {},
    );
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
      storage: { writable: true, error: null },
    });
    expect(r.status).toBe(200);
  };

  it('is ready when the master and Redis both answer; the reasons only for an administrator', async () => {
    expect((await readyz(false)).body).toEqual({ ready: true });
    await signInAdmin();
    await ready();
  });

  it('is not ready while Redis is stuck, and ready again once it answers', async () => {
    redis.pause();
    try {
      // The session cannot be read either: the status alone, within the probe's time.
      const started = Date.now();
      const r = await readyz();
      expect(r.status).toBe(503);
      expect(r.body).toEqual({ ready: false });
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      redis.resume();
    }
    await eventually(ready, 10_000);
  });

  it('is not ready while Redis is down (no password in the answer), and ready again after', async () => {
    await redis.stop();
    const down = await eventually(async () => {
      const r = await readyz();
      expect(r.status).toBe(503);
      return r;
    }, 10_000);
    expect(down.body).toEqual({ ready: false });
    expect(down.text).not.toContain(REDIS_PASSWORD);

    redis = await startRedisServer(redis.port, { password: REDIS_PASSWORD });
    // A fresh redis-server holds no sessions: sign in again for the reasons.
    await eventually(async () => {
      expect((await readyz(false)).status).toBe(200);
    }, 15_000);
    await signInAdmin();
    await ready();
  });
});

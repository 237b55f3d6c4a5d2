// Ending a session on one BFF instance closes its live sockets on the other at once (the socket.io
// redis adapter carries the room operation): two BFF processes, one real Redis, real socket.io clients.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CSRF_HEADER, type SignedOutEvent } from '@cmc/api';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually, LiveClient } from '../../live/__tests__/live-world.ts';
import { testBffEnv } from '../../__tests__/test-bff-env.ts';
import { startBffProcess, type BffProcess } from './bff-process.ts';

const PASSWORD = 'scale-admin-password-1';
const VIEWER_PASSWORD = 'scale-viewer-password-1';

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(url: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    csrf: csrfToken,
    cookie: res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
  };
}

async function call(url: string, session: Session, method: string, p: string, body?: unknown) {
  const res = await fetch(`${url}/api/v1${p}`, {
    method,
    headers: {
      cookie: session.cookie,
      [CSRF_HEADER]: session.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

describe('session revocation across two instances', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmc-scale-revoke-'));
  const certDir = inject('certDir');
  const env = testBffEnv({ port: inject('simPort'), certDir }, dir, {
    REDIS_URL: inject('redisUrl'),
    SESSION_SECRET: 'scale-test-session-secret-0123456789abcdef',
    CONSOLE_ADMIN_PASSWORD: PASSWORD,
  });
  const instances: BffProcess[] = [];
  const clients: LiveClient[] = [];
  let a: BffProcess;
  let b: BffProcess;

  beforeAll(async () => {
    const redis = new Redis(inject('redisUrl'));
    await redis.flushdb();
    redis.disconnect();
    a = await startBffProcess('A', env);
    instances.push(a);
    b = await startBffProcess('B', env);
    instances.push(b);
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await Promise.all(instances.map((i) => i.kill('SIGTERM')));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function watcher(url: string, session: Session) {
    const client = new LiveClient(url, session.cookie);
    clients.push(client);
    const told: SignedOutEvent[] = [];
    client.socket.on('signed-out', (e) => told.push(e));
    expect(await client.join('all')).toMatchObject({ ok: true });
    return { client, told };
  }

  it('a sign-out on A closes the sockets of that session on B at once', async () => {
    const ending = await signIn(a.url, 'admin', PASSWORD);
    const staying = await signIn(a.url, 'admin', PASSWORD);
    const onB = await watcher(b.url, ending);
    const onA = await watcher(a.url, ending);
    const otherSession = await watcher(b.url, staying);

    expect((await call(a.url, ending, 'POST', '/auth/logout')).status).toBe(204);
    for (const w of [onA, onB]) {
      await eventually(() => expect(w.client.socket.connected).toBe(false), 5000);
      expect(w.told.map((t) => t.reason)).toEqual(['signed-out']);
    }
    expect(otherSession.client.socket.connected).toBe(true);
    expect(otherSession.told).toEqual([]);
  });

  it('a password reset on A closes every socket of that account on both instances', async () => {
    const admin = await signIn(a.url, 'admin', PASSWORD);
    const created = await call(a.url, admin, 'POST', '/accounts', {
      username: 'scale-viewer',
      role: 'tenant',
      tenantID: 'tenant1',
      password: VIEWER_PASSWORD,
    });
    expect(created.status).toBe(201);
    const viewerID = (created.body as { id: number }).id;
    const first = await watcher(b.url, await signIn(b.url, 'scale-viewer', VIEWER_PASSWORD));
    const second = await watcher(a.url, await signIn(b.url, 'scale-viewer', VIEWER_PASSWORD));
    const adminWatch = await watcher(b.url, admin);

    const reset = await call(a.url, admin, 'POST', `/accounts/${viewerID}/password`, {
      password: 'a brand new password 1',
    });
    expect(reset.status).toBe(204);
    for (const w of [first, second]) {
      await eventually(() => expect(w.client.socket.connected).toBe(false), 5000);
      expect(w.told.map((t) => t.reason)).toEqual(['password-reset']);
    }
    expect(adminWatch.client.socket.connected).toBe(true);
  });
});

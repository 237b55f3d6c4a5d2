// Issue 14.5: wrong passwords from one address lock that user name from that address only; from any
// address they only slow the name down; an administrator (or a password reset) clears the locks; the
// lock-outs are audited. Clients sign in from different loopback addresses (127.0.0.2, ...), which
// the BFF sees as different source addresses.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  signIn,
  startHarness,
  VIEWER,
  type Client,
  type Harness,
  HARNESS_TIMEOUT_MS,
} from '../../__tests__/harness.ts';

let h: Harness;
let admin: Client;
const BACKOFF_MS = 600;

beforeAll(async () => {
  h = await startHarness({
    deps: {
      userThrottle: { maxFailures: 3, windowMs: 60_000, lockoutMs: 60_000 },
      userBackoff: { maxFailures: 6, windowMs: 60_000, lockoutMs: 60_000 },
      loginBackoffMs: BACKOFF_MS,
    },
  });
  admin = await signIn(h.url, ADMIN);
}, HARNESS_TIMEOUT_MS);
afterAll(async () => {
  await h?.close();
}, HARNESS_TIMEOUT_MS);

/** POST /auth/login from a given loopback address; the status, body and how long it took. */
function loginFrom(
  from: string,
  who: { username: string; password: string },
): Promise<{ status: number; body: { detail?: string }; ms: number }> {
  const started = Date.now();
  const { port } = new URL(h.url);
  const payload = JSON.stringify(who);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        localAddress: from,
        method: 'POST',
        path: '/api/v1/auth/login',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(text),
            ms: Date.now() - started,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const wrong = (username: string) => ({ username, password: 'not-the-password' });
const accountOf = async (username: string) =>
  (
    (await admin.get('/accounts')).body.accounts as Array<{
      id: number;
      username: string;
      lockedUntil: string | null;
    }>
  ).find((a) => a.username === username)!;

describe('sign-in lock-out', () => {
  it('locks a user name from the guessing address only; the real user still signs in', async () => {
    for (let i = 0; i < 3; i++)
      expect((await loginFrom('127.0.0.2', wrong('admin'))).status).toBe(401);
    const locked = await loginFrom('127.0.0.2', ADMIN);
    expect(locked.status).toBe(429);
    expect(locked.body.detail).toMatch(/too many failed sign-ins/);
    // The administrator, from their own address, is not denied.
    expect((await loginFrom('127.0.0.1', ADMIN)).status).toBe(200);
    expect((await accountOf('admin')).lockedUntil).not.toBeNull();

    const audit = await admin.get('/audit?action=auth.lockout&user=admin');
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      sourceAddress: '127.0.0.2',
      outcome: 'failure',
      summary: expect.stringMatching(/admin locked for 1 min from 127\.0\.0\.2/),
    });
  });

  it('lets an administrator clear the lock (audited)', async () => {
    const account = await accountOf('admin');
    expect((await admin.post(`/accounts/${account.id}/unlock`)).status).toBe(204);
    expect((await accountOf('admin')).lockedUntil).toBeNull();
    expect((await loginFrom('127.0.0.2', ADMIN)).status).toBe(200);
    const audit = await admin.get('/audit?action=accounts.unlock');
    expect(audit.body.items[0]).toMatchObject({
      username: 'admin',
      outcome: 'success',
      summary: 'clear the sign-in lock-outs of admin',
    });
    // Viewers may not.
    const viewer = await signIn(h.url, VIEWER);
    expect((await viewer.post(`/accounts/${account.id}/unlock`)).status).toBe(403);
  });

  it('clears the locks when the password is reset', async () => {
    for (let i = 0; i < 3; i++)
      expect((await loginFrom('127.0.0.3', wrong('viewer1'))).status).toBe(401);
    expect((await loginFrom('127.0.0.3', VIEWER)).status).toBe(429);
    const account = await accountOf('viewer1');
    const fresh = 'a-fresh-password-2';
    expect((await admin.post(`/accounts/${account.id}/password`, { password: fresh })).status).toBe(
      204,
    );
    expect((await loginFrom('127.0.0.3', { username: 'viewer1', password: fresh })).status).toBe(
      200,
    );
  });

  it('slows a user name guessed from many addresses down, without denying it', async () => {
    // Two failures from each of three addresses: none is locked, the name has 6 failures in all.
    for (const from of ['127.0.0.4', '127.0.0.5', '127.0.0.6'])
      for (let i = 0; i < 2; i++) expect((await loginFrom(from, wrong('admin'))).status).toBe(401);
    const slowed = await loginFrom('127.0.0.1', ADMIN);
    expect(slowed.status).toBe(200);
    expect(slowed.ms).toBeGreaterThanOrEqual(BACKOFF_MS);
    const audit = await admin.get('/audit?action=auth.lockout&user=admin');
    expect(audit.body.items[0].summary).toMatch(/slowed down/);
  });
});

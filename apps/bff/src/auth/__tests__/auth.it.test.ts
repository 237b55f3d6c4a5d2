// Sign-in, sessions, CSRF, lock-out and their audit entries, against the real BFF + simulator.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  signIn,
  startHarness,
  VIEWER,
  type Harness,
  HARNESS_TIMEOUT_MS,
} from '../../__tests__/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    deps: { userThrottle: { maxFailures: 3, windowMs: 60_000, lockoutMs: 60_000 } },
  });
}, HARNESS_TIMEOUT_MS);
afterAll(async () => {
  await h?.close();
}, HARNESS_TIMEOUT_MS);

describe('sign-in', () => {
  it('sets an httpOnly SameSite=Strict session cookie (not Secure over plain HTTP) and a readable CSRF cookie', async () => {
    const res = await request(h.url).post('/api/v1/auth/login').send(ADMIN);
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({ id: 1, username: 'admin', role: 'admin', tenantID: null });
    expect(typeof res.body.csrfToken).toBe('string');
    const cookies = res.headers['set-cookie'] as unknown as string[];
    const session = cookies.find((c) => c.startsWith('cmc_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(session).not.toMatch(/Secure/);
    const csrf = cookies.find((c) => c.startsWith('cmc_csrf='))!;
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(csrf).toContain(res.body.csrfToken);
  });

  it('answers /auth/me for the session and 401 without one', async () => {
    const viewer = await signIn(h.url, VIEWER);
    const me = await viewer.get('/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({
      username: 'viewer1',
      role: 'tenant',
      tenantID: 'tenant1',
    });
    expect(me.body.csrfToken).toBe(viewer.csrf);
    const anon = await request(h.url).get('/api/v1/auth/me');
    expect(anon.status).toBe(401);
    expect(anon.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(anon.body).toMatchObject({
      status: 401,
      title: 'Unauthorized',
      detail: 'sign in first',
    });
  });

  it('rejects a wrong password with 401 and bad input with 400 naming the field', async () => {
    const wrong = await request(h.url)
      .post('/api/v1/auth/login')
      .send({ username: 'admin', password: 'nope' });
    expect(wrong.status).toBe(401);
    const bad = await request(h.url).post('/api/v1/auth/login').send({ username: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'body.username',
      'body.password',
    ]);
    const notJson = await request(h.url)
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send('{"username":');
    expect(notJson.status).toBe(400);
    expect(notJson.body.detail).toMatch(/not valid JSON/);
  });

  it('lets a browser that still holds a session sign in again without the token', async () => {
    const c = await signIn(h.url, ADMIN);
    const again = await c.agent.post('/api/v1/auth/login').send(ADMIN);
    expect(again.status).toBe(200);
    expect(again.body.csrfToken).not.toBe(c.csrf); // a fresh session, the old one ended
  });

  it('signs out: the cookie stops working', async () => {
    const c = await signIn(h.url, ADMIN);
    expect((await c.post('/auth/logout')).status).toBe(204);
    expect((await c.get('/auth/me')).status).toBe(401);
  });
});

describe('CSRF defence', () => {
  it('refuses a state-changing request without the x-csrf-token header', async () => {
    const c = await signIn(h.url, ADMIN);
    const res = await c.agent.post('/api/v1/auth/logout');
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/x-csrf-token/);
    const wrong = await c.agent.post('/api/v1/auth/logout').set('x-csrf-token', 'forged');
    expect(wrong.status).toBe(403);
    expect((await c.get('/auth/me')).status).toBe(200); // still signed in
  });

  it('refuses a foreign Origin even with the token', async () => {
    const c = await signIn(h.url, ADMIN);
    const res = await c.agent
      .post('/api/v1/auth/logout')
      .set('x-csrf-token', c.csrf)
      .set('origin', 'http://evil.example');
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/cross-origin/);
    const own = await c.agent
      .post('/api/v1/auth/logout')
      .set('x-csrf-token', c.csrf)
      .set('origin', h.url);
    expect(own.status).toBe(204);
  });

  it('refuses non-JSON bodies (simple cross-site form posts)', async () => {
    const res = await request(h.url)
      .post('/api/v1/auth/login')
      .type('form')
      .send('username=admin&password=x');
    expect(res.status).toBe(415);
  });
});

describe('lock-out', () => {
  it('locks a user after repeated failures from one address (even the right password), audits every attempt', async () => {
    const who = { username: 'viewer1', password: 'wrong-password' };
    for (let i = 0; i < 3; i++)
      expect((await request(h.url).post('/api/v1/auth/login').send(who)).status).toBe(401);
    const locked = await request(h.url).post('/api/v1/auth/login').send(VIEWER);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.body.detail).toMatch(/too many failed sign-ins/);
    // Another user from the same address is not locked by that.
    expect((await request(h.url).post('/api/v1/auth/login').send(ADMIN)).status).toBe(200);

    const admin = await signIn(h.url, ADMIN);
    const audit = await admin.get('/audit?user=viewer1&action=auth.login&pageSize=10');
    expect(audit.status).toBe(200);
    const outcomes = audit.body.items.map((e: { outcome: string; error: string | null }) => [
      e.outcome,
      e.error,
    ]);
    expect(outcomes[0]).toEqual(['failure', expect.stringMatching(/too many failed sign-ins/)]);
    expect(outcomes.filter(([o]: [string]) => o === 'failure').length).toBeGreaterThanOrEqual(4);
    expect(audit.body.items[0].sourceAddress).toMatch(/127\.0\.0\.1/);

    const accounts = await admin.get('/accounts');
    expect(
      accounts.body.accounts.find((a: { username: string }) => a.username === 'viewer1')
        .lockedUntil,
    ).not.toBeNull();
  });
});

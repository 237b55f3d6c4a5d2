// Over HTTPS (TLS_CERT_FILE/TLS_KEY_FILE) the cookies are Secure and HSTS is sent; sign-in attempts
// per address are rate limited whatever their outcome.
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  ADMIN,
  signIn,
  startHarness,
  type Harness,
  HARNESS_TIMEOUT_MS,
} from '../../__tests__/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    https: true,
    deps: { loginRate: { maxFailures: 4, windowMs: 60_000, lockoutMs: 60_000 } },
  });
}, HARNESS_TIMEOUT_MS);
afterAll(async () => {
  await h?.close();
}, HARNESS_TIMEOUT_MS);

it('sets Secure cookies and HSTS over HTTPS', async () => {
  expect(h.url.startsWith('https://127.0.0.1:')).toBe(true);
  const res = await request(h.url).post('/api/v1/auth/login').ca(h.sim.certs.caCert).send(ADMIN);
  expect(res.status).toBe(200);
  const cookies = res.headers['set-cookie'] as unknown as string[];
  expect(cookies.find((c) => c.startsWith('cmc_session='))).toMatch(/; Secure/);
  expect(cookies.find((c) => c.startsWith('cmc_csrf='))).toMatch(/; Secure/);
  expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
  const admin = await signIn(h.url, ADMIN, h.sim.certs.caCert);
  expect((await admin.get('/gateways')).status).toBe(200);
});

it('rate limits sign-in attempts from one address, even correct ones', async () => {
  // Two attempts were made above; the limit is 4 per minute.
  expect(
    (
      await request(h.url)
        .post('/api/v1/auth/login')
        .ca(h.sim.certs.caCert)
        .send({ username: 'admin', password: 'wrong-one' })
    ).status,
  ).toBe(401);
  expect(
    (await request(h.url).post('/api/v1/auth/login').ca(h.sim.certs.caCert).send(ADMIN)).status,
  ).toBe(200);
  const limited = await request(h.url)
    .post('/api/v1/auth/login')
    .ca(h.sim.certs.caCert)
    .send(ADMIN);
  expect(limited.status).toBe(429);
  expect(limited.body.detail).toMatch(/too many sign-in attempts from this address/);
  expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
});

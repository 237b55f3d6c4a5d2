// The master goes away (simulator stopped): 503 with the reason, /readyz 503; after it restarts on
// the same port the same BFF recovers without a restart of its own.
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
  h = await startHarness();
}, HARNESS_TIMEOUT_MS);
afterAll(async () => {
  await h?.close();
}, HARNESS_TIMEOUT_MS);

it('answers 503 while the master is down and recovers after it restarts', async () => {
  const admin = await signIn(h.url, ADMIN);
  expect((await admin.get('/gateways')).status).toBe(200);
  expect((await request(h.url).get('/readyz')).status).toBe(200);

  await h.stopSim();
  const down = await admin.get('/gateways');
  expect(down.status).toBe(503);
  expect(down.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(down.body.detail).toMatch(/^The master gateway cannot be reached/);
  expect((await admin.get('/devices')).status).toBe(503);
  expect((await admin.post('/gateways/gateway1/disconnect-all')).status).toBe(503);
  const ready = await admin.agent.get('/readyz');
  expect(ready.status).toBe(503);
  expect(ready.body).toMatchObject({ ready: false, master: { reachable: false, loggedIn: false } });
  expect((await request(h.url).get('/healthz')).status).toBe(200);
  // Sessions live in the BFF's own database: still signed in.
  expect((await admin.get('/auth/me')).status).toBe(200);

  await h.restartSim();
  let status = 0;
  for (let i = 0; i < 100 && status !== 200; i++) {
    status = (await admin.get('/gateways')).status;
    if (status !== 200) await new Promise((r) => setTimeout(r, 100));
  }
  expect(status).toBe(200);
  expect((await admin.get('/devices')).body.total).toBeGreaterThan(0);
  expect((await admin.agent.get('/readyz')).body).toEqual({
    ready: true,
    master: { reachable: true, loggedIn: true, error: null },
    storage: { writable: true, error: null },
  });
});

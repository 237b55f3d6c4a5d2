// Health, OpenAPI, the web app from WEB_DIST_DIR, security headers, request IDs, every table route
// registered, and graceful shutdown.
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX, routes, type RouteDef } from '@cmc/api';
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

describe('operations', () => {
  it('serves /healthz and /readyz', async () => {
    expect((await request(h.url).get('/healthz')).body).toEqual({ ok: true });
    // The reasons are for administrators; anyone else gets the status alone.
    expect((await request(h.url).get('/readyz')).body).toEqual({ ready: true });
    const admin = await signIn(h.url, ADMIN);
    expect((await admin.agent.get('/readyz')).body).toEqual({
      ready: true,
      master: { reachable: true, loggedIn: true, error: null },
      storage: { writable: true, error: null },
    });
  });

  it('serves the OpenAPI document generated from the route table', async () => {
    const res = await request(h.url).get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toContain('/api/v1/gateways/{gatewayID}/accept-filter/db');
  });

  it('registers every route of the table (none falls through to the API 404)', async () => {
    const admin = await signIn(h.url, ADMIN);
    for (const r of routes as readonly RouteDef[]) {
      const url =
        API_PREFIX +
        r.path
          .replace('{gatewayID}', 'gateway1')
          .replace('{deviceID}', '1')
          .replace('{tenantID}', 'zz')
          .replace('{accountID}', '999');
      // An invalid body keeps mutations harmless; anything but "no route" proves the registration.
      const res = await admin.agent[r.method](url)
        .set('x-csrf-token', admin.csrf)
        .send(r.method === 'get' ? undefined : { invalid: true });
      expect(res.body.detail ?? '', `${r.method} ${url}`).not.toMatch(/^no route/);
    }
  });

  it('sets security headers and echoes a request ID', async () => {
    const res = await request(h.url).get('/healthz').set('x-request-id', 'abc-123');
    expect(res.headers['x-request-id']).toBe('abc-123');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['x-powered-by']).toBeUndefined();
    const generated = await request(h.url)
      .get('/healthz')
      .set('x-request-id', 'bad id with spaces');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const problem = await request(h.url).get('/api/v1/nope');
    expect(problem.status).toBe(404);
    expect(problem.body.requestId).toBe(problem.headers['x-request-id']);
  });

  it('sends API answers without an ETag (live data, not worth hashing)', async () => {
    const admin = await signIn(h.url, ADMIN);
    const res = await admin.get('/devices');
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBeUndefined();
  });
});

describe('web app', () => {
  it('says how to build the app when there is no build', async () => {
    const res = await request(h.url).get('/devices').set('accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.text).toContain('pnpm -F @cmc/web build');
  });

  it('serves the build: long cache for hashed assets, SPA fallback, API not swallowed', async () => {
    const dist = h.bff.config.webDistDir;
    fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>console</title>');
    fs.writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    const asset = await request(h.url).get('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
    expect(asset.headers.etag).toBeDefined();
    const missingAsset = await request(h.url).get('/assets/nope.js');
    expect(missingAsset.status).toBe(404);
    const deep = await request(h.url).get('/gateways/gateway1/devices').set('accept', 'text/html');
    expect(deep.status).toBe(200);
    expect(deep.text).toContain('<title>console</title>');
    expect(deep.headers['cache-control']).toBe('no-cache');
    const api = await request(h.url).get('/api/v1/unknown').set('accept', 'text/html');
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('graceful shutdown', () => {
  it('finishes an in-flight request, refuses new ones, then closes the database', async () => {
    const admin = await signIn(h.url, ADMIN);
    // A 1.5 s search is in flight when shutdown starts.
    const inflight = admin.post('/gateways/gateway1/search', { timeoutMs: 1500 }).then((r) => r);
    await new Promise((r) => setTimeout(r, 200));
    const closing = h.bff.close();
    const res = await inflight;
    expect(res.status).toBe(200);
    await closing;
    expect(h.bff.db.open).toBe(false);
    expect(h.bff.server.listening).toBe(false);
  });
});

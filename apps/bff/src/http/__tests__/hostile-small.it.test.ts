// Issue 14.8: /readyz reasons only for administrators, security headers on socket.io's own answers,
// JSON problems for non-HTML clients outside the API, no viewer accounts for "administrator".
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useSignedInHarness } from '../../__tests__/harness.ts';

const s = useSignedInHarness();

describe('small hostile-user faults', () => {
  it('/readyz: status only for anonymous and viewers, reasons for administrators', async () => {
    const anonymous = await request(s.h.url).get('/readyz');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ ready: true });
    expect((await s.viewer.agent.get('/readyz')).body).toEqual({ ready: true });
    const admin = await s.admin.agent.get('/readyz');
    expect(admin.body).toMatchObject({
      ready: true,
      master: { reachable: true, loggedIn: true },
      storage: { writable: true },
    });
  });

  it('socket.io handshake and polling answers carry the security headers', async () => {
    const handshake = await request(s.h.url).get('/socket.io/?EIO=4&transport=polling');
    expect(handshake.status).toBe(200);
    const sid = /"sid":"([^"]+)"/.exec(handshake.text)?.[1];
    expect(sid).toBeDefined();
    // The server has a packet waiting (the refused or accepted connect), so the poll answers at once.
    const poll = await request(s.h.url)
      .post(`/socket.io/?EIO=4&transport=polling&sid=${sid}`)
      .set('content-type', 'text/plain;charset=UTF-8')
      .send('40');
    expect(poll.status).toBe(200);
    for (const res of [handshake, poll]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
    // A refused handshake (unknown transport) too.
    const refused = await request(s.h.url).get('/socket.io/?EIO=4&transport=nope');
    expect(refused.status).toBe(400);
    expect(refused.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers unknown non-API paths with a JSON problem unless the client wants HTML', async () => {
    for (const [method, path] of [
      ['get', '/nope.json'],
      ['post', '/nope'],
      ['delete', '/anything/at/all'],
    ] as const) {
      const res = await request(s.h.url)[method](path).set('accept', 'application/json');
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 404, detail: expect.stringMatching(/^no route/) });
    }
    const browser = await request(s.h.url).get('/devices').set('accept', 'text/html');
    expect(browser.status).toBe(200);
    expect(browser.headers['content-type']).toMatch(/text\/html/);
  });

  it('refuses a viewer account for the tenant "administrator"', async () => {
    const res = await s.admin.post('/accounts', {
      username: 'sneaky-admin-viewer',
      password: 'a-long-password-1',
      role: 'tenant',
      tenantID: 'administrator',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { path: 'body.tenantID', message: expect.stringMatching(/administrator/) },
    ]);
    const list = await s.admin.get('/accounts');
    expect(
      list.body.accounts.some((a: { username: string }) => a.username === 'sneaky-admin-viewer'),
    ).toBe(false);
  });
});

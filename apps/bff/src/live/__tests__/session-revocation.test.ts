// Open live sockets do not outlive their session: sign-out, a password reset, a deleted account and
// an expired session each close the sockets of that session (or account) at once, telling the client
// why — against a real simulator, a real BFF with SQLite and real socket.io clients.
import { CSRF_HEADER, type SignedOutEvent } from '@cmc/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountStore } from '../../accounts/account-store.ts';
import { hashPassword } from '../../auth/password.ts';
import { eventually, startLiveWorld, type LiveClient, type LiveWorld } from './live-world.ts';

const PASSWORD = 'correct horse battery staple';
let world: LiveWorld;

beforeAll(async () => {
  // The expiry check runs every 200 ms here (60 s by default).
  world = await startLiveWorld({ sessionCheckMs: 200 });
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(username: string): Promise<Session> {
  const res = await fetch(`${world.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: csrfToken };
}

async function call(session: Session, method: string, path: string, body?: unknown) {
  const res = await fetch(`${world.url}/api/v1${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      [CSRF_HEADER]: session.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  await res.body?.cancel();
  return res.status;
}

/** A joined live client that records what it is told when its session ends. */
async function watcher(session: Session) {
  const client: LiveClient = world.client(session.cookie);
  const told: SignedOutEvent[] = [];
  const reasons: string[] = [];
  client.socket.on('signed-out', (e) => told.push(e));
  client.socket.on('disconnect', (reason) => reasons.push(reason));
  expect(await client.join(['gateway1'])).toMatchObject({ ok: true });
  return { client, told, reasons };
}

let nextUser = 0;
async function newViewer(): Promise<{ id: number; username: string }> {
  nextUser += 1;
  const username = `revoke-viewer-${nextUser}`;
  const created = createAccountStore(world.bff.db).create({
    username,
    role: 'tenant',
    tenantID: 'tenant1',
    passwordHash: await hashPassword(PASSWORD),
  });
  return { id: created.id, username };
}

const adminSession = () => signIn('admin');

describe('live sockets end with their session', () => {
  it('sign-out closes the sockets of that session at once, and only of that session', async () => {
    const viewer = await newViewer();
    const first = await signIn(viewer.username);
    const second = await signIn(viewer.username);
    const a1 = await watcher(first);
    const a2 = await watcher(first);
    const b = await watcher(second);

    expect(await call(first, 'POST', '/auth/logout')).toBe(204);
    for (const w of [a1, a2]) {
      await eventually(() => expect(w.client.socket.connected).toBe(false), 5000);
      expect(w.told).toEqual([{ reason: 'signed-out', message: 'you signed out' }]);
    }

    // The other session of the same user keeps its socket and its deltas.
    const before = b.client.deltas.length;
    const closedBefore = a1.client.deltas.length;
    await world.control('POST', '/devices/1011/offline');
    await eventually(() => expect(b.client.deltas.length).toBeGreaterThan(before));
    expect(b.client.socket.connected).toBe(true);
    expect(b.told).toEqual([]);
    expect(a1.client.deltas.length).toBe(closedBefore);
    await world.control('POST', '/devices/1011/online?now=1');

    // And the signed-out session cannot come back.
    const again = world.client(first.cookie);
    await expect(again.connected()).rejects.toThrow('unauthorized');
  });

  it('a password reset closes every socket of that account, naming the reason', async () => {
    const viewer = await newViewer();
    const one = await watcher(await signIn(viewer.username));
    const two = await watcher(await signIn(viewer.username));
    const other = await watcher(await signIn('viewer1'));
    const admin = await adminSession();

    expect(
      await call(admin, 'POST', `/accounts/${viewer.id}/password`, {
        password: 'a brand new password 1',
      }),
    ).toBe(204);
    for (const w of [one, two]) {
      await eventually(() => expect(w.client.socket.connected).toBe(false), 5000);
      expect(w.told.map((t) => t.reason)).toEqual(['password-reset']);
    }
    expect(other.client.socket.connected).toBe(true);
    expect(other.told).toEqual([]);
  });

  it('deleting an account closes its sockets', async () => {
    const viewer = await newViewer();
    const w = await watcher(await signIn(viewer.username));
    const admin = await adminSession();
    expect(await call(admin, 'DELETE', `/accounts/${viewer.id}`)).toBe(204);
    await eventually(() => expect(w.client.socket.connected).toBe(false), 5000);
    expect(w.told.map((t) => t.reason)).toEqual(['account-deleted']);
  });

  it('an expired session closes its sockets within the check interval', async () => {
    const viewer = await newViewer();
    const w = await watcher(await signIn(viewer.username));
    const keep = await watcher(await signIn('viewer1'));
    // Idle for longer than the session lifetime: the store no longer knows the session.
    world.bff.db
      .prepare('UPDATE sessions SET expires_at = ? WHERE account_id = ?')
      .run(Date.now() - 1, viewer.id);
    await eventually(() => expect(w.client.socket.connected).toBe(false), 5000);
    expect(w.told.map((t) => t.reason)).toEqual(['expired']);
    expect(keep.client.socket.connected).toBe(true);
  });
});

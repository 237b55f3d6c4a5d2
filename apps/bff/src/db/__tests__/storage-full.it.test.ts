// Issue 14.1: the database stops taking writes (disk full, read-only file). The failures are real
// SQLite errors on the BFF's own connection: PRAGMA max_page_count at the current size makes every
// write that needs a new page fail with SQLITE_FULL, PRAGMA query_only with SQLITE_READONLY. The BFF
// must stay up, serve reads, say so (log, /readyz, the admin storage status), keep the history rows
// in memory and write them once space returns.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageStatus } from '@cmc/api';
import {
  ADMIN,
  signIn,
  startHarness,
  VIEWER,
  type Client,
  type Harness,
  HARNESS_TIMEOUT_MS,
} from '../../__tests__/harness.ts';
import { createLogger } from '../../logger.ts';
import { eventually } from '../../live/__tests__/live-world.ts';

const lines: Array<Record<string, unknown>> = [];
let h: Harness;
let admin: Client;
let viewer: Client;

beforeAll(async () => {
  h = await startHarness({
    deps: {
      // The faults below are PRAGMAs of the main connection; history on its worker thread has a
      // connection of its own (history-worker.test.ts fails that one with a real lock instead).
      historyWriter: 'inline',
      logger: createLogger({
        level: 'warn',
        write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>),
      }),
    },
  });
  await h.bff.live.start();
  admin = await signIn(h.url, ADMIN);
  viewer = await signIn(h.url, VIEWER);
}, HARNESS_TIMEOUT_MS);
afterAll(async () => {
  await h?.close();
}, HARNESS_TIMEOUT_MS);

const control = (path: string) => fetch(`${h.sim.controlUrl}${path}`, { method: 'POST' });
const churn = (changesPerSecond: number) =>
  fetch(`${h.sim.controlUrl}/churn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ changesPerSecond }),
  });
const historyOf = async (deviceID: number) =>
  (await admin.get(`/devices/${deviceID}/history?limit=100`)).body as {
    items: Array<{ statusName: string }>;
  };

function fillTheDisk(): void {
  const pages = h.bff.db.pragma('page_count', { simple: true }) as number;
  h.bff.db.pragma(`max_page_count = ${pages}`);
}
function freeTheDisk(): void {
  h.bff.db.pragma('max_page_count = 1073741823');
}

describe('the database stops taking writes', () => {
  it('stays up on SQLITE_FULL, reports it, keeps the history in memory and writes it later', async () => {
    await eventually(async () =>
      expect((await historyOf(544114231)).items.length).toBeGreaterThan(0),
    );
    const before = (await historyOf(544114231)).items.length;
    expect((await admin.agent.get('/readyz')).status).toBe(200);

    fillTheDisk();
    // Enough changes that the flush has to grow the file (churn), then a known last state: every
    // device of gateway1 and gateway2 drops.
    await churn(1000);
    await new Promise((r) => setTimeout(r, 1000));
    await churn(0);
    await control('/gateways/gateway1/offline');
    await control('/gateways/gateway2/offline');

    const down = await eventually(async () => {
      const res = await admin.get('/storage');
      expect(res.status).toBe(200);
      expect(res.body.writable).toBe(false);
      return res.body as unknown;
    });
    const status = storageStatus.parse(down);
    expect(status.error).toMatch(/history: .*(SQLITE_FULL|disk is full)/);
    expect(status.pending).toBeGreaterThan(0);
    expect(status.since).not.toBeNull();
    expect(lines.some((l) => l.msg === 'storage write failed' && l.source === 'history')).toBe(
      true,
    );

    // The process answers and serves reads, to the admin and to a viewer.
    expect((await request(h.url).get('/healthz')).status).toBe(200);
    expect((await admin.get('/devices')).status).toBe(200);
    // (the viewer's gateways are offline now, so its device list would be a 503 of the master)
    expect((await viewer.get('/gateways')).status).toBe(200);
    expect((await admin.get('/audit')).status).toBe(200);
    // Not ready, with the reason for an administrator, the bare status for anyone else.
    const ready = await admin.agent.get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.ready).toBe(false);
    expect(ready.body.storage).toMatchObject({ writable: false });
    expect(ready.body.storage.error).toMatch(/SQLITE_FULL|disk is full/);
    const anonymous = await request(h.url).get('/readyz');
    expect(anonymous.status).toBe(503);
    expect(anonymous.body).toEqual({ ready: false });
    // A viewer may not read the storage condition.
    expect((await viewer.get('/storage')).status).toBe(403);

    freeTheDisk();
    await eventually(async () => {
      expect((await admin.get('/storage')).body).toMatchObject({ writable: true, pending: 0 });
    }, 15_000);
    // The changes kept in memory are on disk now: 544114231 dropped while the disk was full.
    const after = await historyOf(544114231);
    expect(after.items.length).toBeGreaterThan(before);
    expect(after.items[0]?.statusName).toBe('DISCONNECTED');
    expect((await admin.agent.get('/readyz')).status).toBe(200);
    expect(lines.some((l) => l.msg === 'storage writable again')).toBe(true);
  }, 60_000);

  it('keeps going on a read-only database (SQLITE_READONLY) and recovers', async () => {
    await eventually(async () =>
      expect((await historyOf(939000101)).items.length).toBeGreaterThan(0),
    );
    const before = (await historyOf(939000101)).items.length;
    h.bff.db.pragma('query_only = 1');
    await control('/devices/939000101/offline');
    const down = await eventually(async () => {
      const res = await admin.get('/storage');
      expect(res.body.writable).toBe(false);
      return res.body as { error: string };
    });
    expect(down.error).toMatch(/readonly|SQLITE_READONLY/);
    // A write the console makes itself answers 503 naming the cause, not a crash or a bare 500.
    const refused = await admin.post('/accounts', {
      username: 'while-readonly',
      password: 'a-long-password-1',
      role: 'tenant',
      tenantID: 'tenant1',
    });
    expect(refused.status).toBe(503);
    expect(refused.body.detail).toMatch(/storage/);
    expect((await admin.get('/devices')).status).toBe(200);

    h.bff.db.pragma('query_only = 0');
    await eventually(async () => {
      expect((await admin.get('/storage')).body).toMatchObject({ writable: true, pending: 0 });
    }, 15_000);
    // Written now: the drop (and the failed redials of this async device that followed it).
    const after = (await historyOf(939000101)).items.map((i) => i.statusName);
    expect(after.length).toBeGreaterThan(before);
    expect(after.slice(0, after.length - before)).toContain('DISCONNECTED');
    expect(
      (await admin.get('/accounts')).body.accounts.some(
        (a: { username: string }) => a.username === 'while-readonly',
      ),
    ).toBe(false);
  }, 60_000);
});

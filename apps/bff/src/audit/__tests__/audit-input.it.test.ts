// Issue 14.2 and 14.8 (names): audit rows are built from validated values only, names are shown
// without control or bidi characters, and the reader answers for any row already stored.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { auditList } from '@cmc/api';
import { useSignedInHarness } from '../../__tests__/harness.ts';

const s = useSignedInHarness();

async function auditPage(query = '') {
  const res = await s.admin.get(`/audit?pageSize=500${query}`);
  expect(res.status).toBe(200);
  // What the web does with the answer: a row the schema refuses breaks the whole page there.
  const parsed = auditList.safeParse(res.body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  return parsed.data!;
}

describe('audit rows from hostile input', () => {
  it('refuses a viewer sending non-integer device IDs and audits only valid ones', async () => {
    for (const raw of ['[1.5]', '[1e20]', '[1e309]', '[-1, 0, 7, 1.5]']) {
      const res = await s.viewer.agent
        .post('/api/v1/gateways/gateway1/disconnect')
        .set('x-csrf-token', s.viewer.csrf)
        .set('content-type', 'application/json')
        .send(`{"deviceIDs":${raw}}`);
      expect(res.status, raw).toBe(403);
    }
    const page = await auditPage('&user=viewer1&action=devices.disconnect');
    expect(page.items).toHaveLength(4);
    // Newest first: [-1, 0, 7, 1.5] keeps 7 only and says three were left out.
    expect(page.items[0]?.deviceIDs).toEqual([7]);
    expect(page.items[0]?.summary).toMatch(/3 invalid device IDs not recorded/);
    for (const item of page.items.slice(1)) {
      expect(item.deviceIDs).toEqual([]);
      expect(item.summary).toMatch(/1 invalid device ID not recorded/);
      expect(item.outcome).toBe('failure');
    }
  });

  it('reads rows written before the fix (or by hand) without failing the page', async () => {
    const insert = s.h.bff.db.prepare(
      `INSERT INTO audit_log (at, username, role, action, gateway_id, device_ids, summary, outcome, error, source_address, request_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'failure', NULL, NULL, NULL)`,
    );
    const at = new Date().toISOString();
    insert.run(at, 'old1', 'tenant', 'legacy.row', 'gateway1', '[1.5,1e20,null,"x",5]', 'old');
    insert.run(at, 'old2', 'superuser', 'legacy.row', null, 'not json', 'old');
    insert.run(at, 'old3', null, 'legacy.row', null, '{"a":1}', 'old');
    const page = await auditPage('&action=legacy.row');
    expect(page.items.map((i) => [i.username, i.role, i.deviceIDs])).toEqual([
      ['old3', null, []],
      ['old2', null, []],
      ['old1', 'tenant', [5]],
    ]);
    // ... and the unfiltered first page, which holds them too.
    await auditPage();
  });

  it('shows user names without control or bidi characters', async () => {
    // A failed sign-in records the name as typed: right-to-left override and a fake new line.
    const typed = 'admin\u202e\u2066evil\nfake line\u0000';
    const res = await request(s.h.url)
      .post('/api/v1/auth/login')
      .send({ username: typed, password: 'wrong' });
    expect(res.status).toBe(401);
    const page = await auditPage('&action=auth.login&outcome=failure');
    const names = page.items.map((i) => i.username ?? '');
    const shown = names.find((n) => n.includes('evil'));
    expect(shown).toBeDefined();
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(shown).toContain('\ufffd'); // replaced, so it cannot pass for plain "adminevil"
    expect(page.items.find((i) => i.username === shown)?.summary).not.toMatch(/[\n\u202e]/);
  });
});

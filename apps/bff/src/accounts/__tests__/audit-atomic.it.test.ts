// Issue 14.7: a change to the console's own data (an account) and its audit row commit together. The
// audit insert is made to fail after the account insert (a real SQLite error from a temporary trigger
// on this connection, as a crash between the two writes would leave it): the account must not exist.
import { describe, expect, it } from 'vitest';
import { useSignedInHarness } from '../../__tests__/harness.ts';

const s = useSignedInHarness();

const auditOf = async (action: string) =>
  (await s.admin.get(`/audit?action=${action}&pageSize=100`)).body.items as Array<{
    summary: string;
    outcome: string;
  }>;
const account = async (username: string) =>
  ((await s.admin.get('/accounts')).body.accounts as Array<{ id: number; username: string }>).find(
    (a) => a.username === username,
  );

describe('audit rows commit with the change', () => {
  it('writes one success row with a created account', async () => {
    const res = await s.admin.post('/accounts', {
      username: 'atomic-ok',
      password: 'a-long-password-1',
      role: 'tenant',
      tenantID: 'tenant1',
    });
    expect(res.status).toBe(201);
    const rows = (await auditOf('accounts.create')).filter((r) => r.summary.includes('atomic-ok'));
    expect(rows.map((r) => r.outcome)).toEqual(['success']);
  });

  it('creates, resets or deletes no account whose audit row cannot be written', async () => {
    s.h.bff.db.exec(`CREATE TEMP TRIGGER audit_refused BEFORE INSERT ON audit_log
      WHEN NEW.outcome = 'success' AND NEW.action LIKE 'accounts.%'
      BEGIN SELECT RAISE(ABORT, 'audit write refused (test)'); END`);
    try {
      const created = await s.admin.post('/accounts', {
        username: 'atomic-lost',
        password: 'a-long-password-1',
        role: 'tenant',
        tenantID: 'tenant1',
      });
      expect(created.status).toBeGreaterThanOrEqual(500);
      expect(await account('atomic-lost')).toBeUndefined();

      const target = (await account('atomic-ok'))!;
      expect((await s.admin.del(`/accounts/${target.id}`)).status).toBeGreaterThanOrEqual(500);
      expect(await account('atomic-ok')).toBeDefined();
    } finally {
      s.h.bff.db.exec('DROP TRIGGER audit_refused');
    }
    // With the audit log writable again the change goes through, with its row.
    const target = (await account('atomic-ok'))!;
    expect((await s.admin.del(`/accounts/${target.id}`)).status).toBe(204);
    expect(await account('atomic-ok')).toBeUndefined();
    expect((await auditOf('accounts.delete'))[0]).toMatchObject({
      outcome: 'success',
      summary: 'delete account atomic-ok',
    });
  });
});

// Inventory files over HTTP against a real simulator: the device list as CSV with filters and the
// formula guard, and an import of async connections with a bad row, then a good file.
import { describe, expect, it } from 'vitest';
import { useSignedInHarness } from '../../__tests__/harness.ts';

interface SimDevice {
  deviceID: number;
  gatewayID: string;
  IPAddr: string;
  port: number;
  managed: boolean;
  connectionMode: number;
  reachable: boolean;
  online: boolean;
  status: number;
}

describe('inventory files', () => {
  const s = useSignedInHarness();

  it('exports the filtered device list as CSV, formulas defused', async () => {
    const state = s.h.sim.control.state();
    const managed = state.devices.filter((d) => d.managed && d.gatewayID === 'gateway1');
    const target = managed[0]!;
    const label = await s.admin.put(`/devices/${target.deviceID}/label`, { name: '=cmd|calc' });
    expect(label.status).toBe(200);
    const res = await s.admin.get('/inventory/devices.csv?gatewayID=gateway1&sort=deviceID');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^deviceID,name,gatewayID,type,status,/);
    expect(lines.length - 1).toBe(managed.length);
    const ids = lines.slice(1).map((l) => Number(l.split(',')[0]));
    expect(ids).toEqual(managed.map((d) => d.deviceID).sort((a, b) => a - b));
    expect(lines.find((l) => l.startsWith(`${target.deviceID},`))).toContain(",'=cmd|calc,");
    // A tenant viewer cannot export another tenant's gateway.
    const other = state.gateways.find((g) => g.tenantID !== 'tenant1')!;
    expect((await s.viewer.get(`/inventory/devices.csv?gatewayID=${other.gatewayID}`)).status).toBe(
      403,
    );
  });

  it('previews an import naming the bad row, refuses to run it, then adds a fixed file', async () => {
    const free = (s.h.sim.control.state().devices as SimDevice[]).filter(
      (d) =>
        !d.managed &&
        d.connectionMode === 0 &&
        d.reachable &&
        d.online &&
        d.gatewayID === 'gateway1',
    );
    expect(free.length).toBeGreaterThanOrEqual(2);
    const [a, b] = free as [SimDevice, SimDevice];
    const before = JSON.stringify(s.h.sim.control.state().asyncConnections);
    const bad = [
      'gatewayID,IPAddr,port,useSSL,deviceID',
      `gateway1,${a.IPAddr},${a.port},false,${a.deviceID}`,
      `gateway1,${b.IPAddr},99999,false,${b.deviceID}`,
    ].join('\r\n');
    const preview = await s.admin.post('/inventory/import/preview', { csv: bad, store: 'session' });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ valid: 1, invalid: 1 });
    expect(preview.body.rows[1]).toMatchObject({
      line: 3,
      errors: [{ field: 'port', message: '"99999" is not a port number (1-65535)' }],
    });
    const refused = await s.admin.post('/inventory/import/run', { csv: bad, store: 'session' });
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toBe(
      'the file has 1 bad row; nothing was added. First: line 3.port: "99999" is not a port number (1-65535)',
    );
    expect(JSON.stringify(s.h.sim.control.state().asyncConnections)).toBe(before);

    // The device ID may be left out: it is found by searching the gateway.
    const good = [
      'IPAddr,port,useSSL,gatewayID,deviceID',
      `${a.IPAddr},${a.port},no,gateway1,${a.deviceID}`,
      `${b.IPAddr},${b.port},no,gateway1,`,
    ].join('\n');
    const run = await s.admin.post('/inventory/import/run', { csv: good, store: 'db' });
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({
      added: 2,
      failed: 0,
      rows: [
        { line: 2, deviceID: a.deviceID, outcome: 'added' },
        { line: 3, deviceID: b.deviceID, outcome: 'added' },
      ],
    });
    const db = (s.h.sim.control.state().asyncConnections.gateway1?.db ?? []) as Array<{
      deviceID: number;
    }>;
    expect(db.map((c) => c.deviceID)).toEqual(expect.arrayContaining([a.deviceID, b.deviceID]));
  });

  it('refuses bad files with a clear error', async () => {
    const post = (csv: string) =>
      s.admin.post('/inventory/import/preview', { csv, store: 'session' });
    const header = await post('ip,port,ssl\n1.2.3.4,51211,false');
    expect(header.status).toBe(400);
    expect(header.body.detail).toMatch(
      /^line 1: unknown column "ip"; the header must be gatewayID,IPAddr,port,useSSL,deviceID/,
    );
    const binary = await post('gatewayID,IPAddr\n\u0000\u0001PK');
    expect(binary.status).toBe(400);
    expect(binary.body.detail).toMatch(
      /^not a valid CSV file: line 2: this is not a CSV text file/,
    );
    const large = await post(`gatewayID,IPAddr,port,useSSL\n${'x'.repeat(300 * 1024)}`);
    expect(large.status).toBe(413);
    expect(large.body.detail).toMatch(/an import file may be at most 256 KB/);
    const empty = await post('');
    expect(empty.body.detail).toMatch(/^the file is empty/);
    expect(
      (await s.viewer.post('/inventory/import/preview', { csv: 'a', store: 'db' })).status,
    ).toBe(403);
  });
});

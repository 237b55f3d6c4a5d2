// Availability reports over HTTP: a real simulator, a device taken offline for a measured time,
// the JSON and CSV answers, and a tenant viewer's limits.
import { describe, expect, it } from 'vitest';
import { useSignedInHarness } from '../../__tests__/harness.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Row {
  key: string;
  gatewayID: string | null;
  tenantID: string | null;
  drops: number;
  longestOutageSeconds: number;
  meanTimeToReconnectSeconds: number | null;
  availabilityPercent: number | null;
  observedSeconds: number;
  connectedSeconds: number;
}

describe('availability reports', () => {
  const s = useSignedInHarness();

  it('measures an outage of a device and reports it in JSON and CSV', async () => {
    await s.h.bff.live.start();
    const device = s.h.sim.control
      .state()
      .devices.find((d) => d.kind === 'async' && d.status === 1 && !d.flaky);
    if (!device) throw new Error('the demo scenario has no connected async device');
    await sleep(300);
    const down = Date.now();
    s.h.sim.control.deviceOffline(device.deviceID);
    await sleep(1500);
    s.h.sim.control.deviceOnline(device.deviceID, { now: true });
    const up = Date.now();
    for (let i = 0; i < 50 && s.h.sim.control.device(device.deviceID).status !== 1; i++)
      await sleep(50);
    await sleep(300); // the status stream reaches the BFF

    const res = await s.admin.get('/reports/availability?groupBy=device&period=24h');
    expect(res.status).toBe(200);
    const row = (res.body as { rows: Row[] }).rows.find((r) => r.key === String(device.deviceID))!;
    expect(row.drops).toBe(1);
    const outage = (up - down) / 1000;
    expect(row.longestOutageSeconds).toBeGreaterThan(outage - 0.5);
    expect(row.longestOutageSeconds).toBeLessThan(outage + 0.5);
    expect(row.meanTimeToReconnectSeconds).toBe(row.longestOutageSeconds);
    expect(row.observedSeconds - row.connectedSeconds).toBeCloseTo(row.longestOutageSeconds, 2);
    expect(row.availabilityPercent).toBeCloseTo(
      (row.connectedSeconds / row.observedSeconds) * 100,
      6,
    );

    const csv = await s.admin.get('/reports/availability.csv?groupBy=device&period=24h');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="availability-by-device-/,
    );
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'device,gatewayID,tenantID,devices,availabilityPercent,drops,longestOutageSeconds,meanTimeToReconnectSeconds,connectedSeconds,observedSeconds,downAtEnd,from,to',
    );
    const cells = lines.find((l) => l.startsWith(`${device.deviceID},`))!.split(',');
    expect(Number(cells[5])).toBe(1);
    expect(Number(cells[6])).toBeCloseTo(row.longestOutageSeconds, 3);
  });

  it('gives a tenant viewer its own gateways and tenant only', async () => {
    const own = s.h.sim.control
      .state()
      .gateways.filter((g) => g.tenantID === 'tenant1')
      .map((g) => g.gatewayID);
    const other = s.h.sim.control.state().gateways.find((g) => g.tenantID !== 'tenant1')!;
    const byGateway = await s.viewer.get('/reports/availability?groupBy=gateway');
    expect(byGateway.status).toBe(200);
    const keys = (byGateway.body as { rows: Row[] }).rows.map((r) => r.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => own.includes(k))).toBe(true);
    const byTenant = await s.viewer.get('/reports/availability.csv?groupBy=tenant');
    expect(
      byTenant.text
        .trim()
        .split('\r\n')
        .slice(1)
        .map((l) => l.split(',')[0]),
    ).toEqual(['tenant1']);
    const refused = await s.viewer.get(`/reports/availability?gatewayID=${other.gatewayID}`);
    expect(refused.status).toBe(403);
    const admin = await s.admin.get('/reports/availability?groupBy=tenant');
    expect((admin.body as { rows: Row[] }).rows.length).toBeGreaterThan(1);
  });

  it('names a bad query', async () => {
    const both = await s.admin.get('/reports/availability?period=7d&from=2026-01-01T00:00:00Z');
    expect(both.status).toBe(400);
    expect((both.body as { detail: string }).detail).toBe(
      'query.period: give either period or from/to, not both',
    );
    const group = await s.admin.get('/reports/availability.csv?groupBy=site');
    expect(group.status).toBe(400);
    expect((group.body as { detail: string }).detail).toMatch(/^query.groupBy: must be device/);
    const anonymous = await fetch(`${s.h.url}/api/v1/reports/availability.csv`);
    expect(anonymous.status).toBe(401);
  });
});

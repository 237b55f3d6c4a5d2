// POST /devices/bulk: "all matching" is resolved by the BFF with the list's own filter and the
// user's scope, run per gateway with per-device results, and audited with the filter and count.
import { describe, expect, it } from 'vitest';
import { bulkResponse } from '@cmc/api';
import { truth, useIndexWorld } from './device-index-world.ts';

const world = useIndexWorld(600_000);

describe('bulk actions on a selection the BFF resolves', () => {
  it('sets the mode of every device matching a filter, less the unticked, and audits the filter', async () => {
    const { h, admin } = world();
    const matching = (await truth(h, ['gateway1', 'gateway2'])).filter(
      (d) => d.status === 'TCP_CONNECTED' && d.connectionMode === 'SERVER_TO_DEVICE',
    );
    expect(matching.length).toBeGreaterThanOrEqual(3);
    const unticked = matching[0]!.deviceID;
    const res = await admin.post('/devices/bulk', {
      action: { kind: 'mode', mode: 'DEVICE_TO_SERVER' },
      selection: {
        matching: { status: 'TCP_CONNECTED', mode: 'SERVER_TO_DEVICE', q: 'gateway' },
        except: [unticked],
      },
    });
    expect(res.status).toBe(200);
    const body = bulkResponse.parse(res.body);
    // Every matching device of every gateway (the filter covers gateway3 too), the unticked one not.
    const ran = body.results.map((r) => r.deviceID).sort((a, b) => a - b);
    expect(ran).not.toContain(unticked);
    for (const d of matching.slice(1)) expect(ran).toContain(d.deviceID);
    expect(body.failed).toBe(0);
    for (const r of body.results) expect(h.sim.control.device(r.deviceID).connectionMode).toBe(1);
    expect(h.sim.control.device(unticked).connectionMode).toBe(0);
    for (const r of body.results)
      expect(r.gatewayID).toBe(h.sim.control.device(r.deviceID).gatewayID);

    const audit = await admin.get('/audit?action=devices.bulk&user=admin');
    expect(audit.body.items[0]).toMatchObject({
      outcome: 'success',
      summary: expect.stringMatching(
        new RegExp(
          `set connection mode DEVICE_TO_SERVER on ${body.results.length} devices matching .*status=TCP_CONNECTED.*\\(1 unticked\\)`,
        ),
      ),
    });
  });

  it('reports each named device it cannot run on, and each device the master refused', async () => {
    const { h, admin } = world();
    const down = (await truth(h)).find(
      (d) => d.status !== 'TCP_CONNECTED' && d.status !== 'TLS_CONNECTED',
    );
    expect(down).toBeDefined();
    const res = await admin.post('/devices/bulk', {
      action: { kind: 'ssl', enabled: true },
      selection: { deviceIDs: [down!.deviceID, 123456] },
    });
    expect(res.status).toBe(200);
    const body = bulkResponse.parse(res.body);
    expect(body.failed).toBe(2);
    expect(body.results).toContainEqual({
      deviceID: 123456,
      ok: false,
      message: 'device 123456 is not managed by any gateway you can see',
    });
    expect(body.results.find((r) => r.deviceID === down!.deviceID)).toMatchObject({
      ok: false,
      gatewayID: down!.gatewayID,
      message: expect.stringMatching(/not connected/),
    });
  });

  it('is refused to tenant users, and names a bad filter', async () => {
    const { viewer, admin } = world();
    const refused = await viewer.post('/devices/bulk', {
      action: { kind: 'disconnect' },
      selection: { matching: {} },
    });
    expect(refused.status).toBe(403);
    const bad = await admin.post('/devices/bulk', {
      action: { kind: 'disconnect' },
      selection: { matching: { status: 'ASLEEP' } },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toMatch(/selection/);
  });
});

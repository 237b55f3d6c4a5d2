// Search of a gateway's subnet against the real simulator.
import { describe, expect, it } from 'vitest';
import { useSignedInHarness } from '../../__tests__/harness.ts';

const world = useSignedInHarness();

describe('search', () => {
  it('searches the gateway subnet and marks managed devices', async () => {
    const res = await world.admin.post('/gateways/gateway1/search', { timeoutMs: 500 });
    expect(res.status).toBe(200);
    const byID = new Map(res.body.devices.map((d: { deviceID: number }) => [d.deviceID, d]));
    expect(byID.get(544114238)).toMatchObject({
      IPAddr: '192.168.10.18',
      managed: false,
      type: 'XPASS2',
    });
    expect(byID.get(544114231)).toMatchObject({ managed: true });
    expect(byID.get(544114237)).toMatchObject({ useDHCP: true });
  });

  it('validates the search timeout and is admin-only', async () => {
    const bad = await world.admin.post('/gateways/gateway1/search', { timeoutMs: 10 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('body.timeoutMs');
    expect((await world.viewer.post('/gateways/gateway1/search', { timeoutMs: 500 })).status).toBe(
      403,
    );
  });
});

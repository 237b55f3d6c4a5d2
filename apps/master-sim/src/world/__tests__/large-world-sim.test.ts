import { afterAll, describe, expect, it } from 'vitest';
import { clients, rpc, startTestSim, tempDir, tenantToken } from '../../__tests__/harness.ts';
import { generateLargeWorld } from '../../scenario/large-world.ts';

describe('a simulator running the large world', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('serves 10,000 devices over 100 gateways with most of them connected', async () => {
    const sim = await startTestSim(dir.path, {
      scenario: generateLargeWorld({ gateways: 100, devices: 10_000, seed: 5 }),
      reconnectDelayMs: 60_000,
    });
    const c = clients(sim);
    try {
      const state = sim.control.state();
      expect(state.devices).toHaveLength(10_000);
      const connected = state.devices.filter((d) => d.status === 1 || d.status === 2).length;
      expect(connected / 10_000).toBeGreaterThan(0.8);
      const token = await tenantToken(c, sim, 'tenant1');
      const gws = await rpc<{ gatewayIDs: string[] }>(c.gateway, 'GetList', {}, token);
      expect(gws.gatewayIDs).toHaveLength(10); // 10 tenants, round robin
      const list = await rpc<{ deviceInfos: unknown[] }>(
        c.cm,
        'GetDeviceList',
        { gatewayID: gws.gatewayIDs[0] },
        token,
      );
      expect(list.deviceInfos.length).toBeGreaterThan(80);
    } finally {
      c.close();
      await sim.stop();
    }
  });
});

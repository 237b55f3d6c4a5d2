import { afterAll, describe, expect, it } from 'vitest';
import { Status, startTestSim, tempDir } from './harness.ts';
import type { Scenario } from '../scenario/schema.ts';

const scenario: Scenario = {
  tenants: ['tenant1'],
  gateways: [{ gatewayID: 'g', tenantID: 'tenant1', acceptFilter: { allowAll: true } }],
  devices: [
    {
      deviceID: 1,
      gatewayID: 'g',
      type: 'XPASS2',
      IPAddr: '192.168.0.1',
      registration: 'async',
      flaky: true,
    },
    {
      deviceID: 2,
      gatewayID: 'g',
      type: 'XPASS2',
      IPAddr: '192.168.0.2',
      registration: 'deviceToServer',
      flaky: true,
    },
    { deviceID: 3, gatewayID: 'g', type: 'XPASS2', IPAddr: '192.168.0.3', registration: 'async' },
  ],
};

describe('flaky devices', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('drop off the network and come back on their own; steady devices do not', async () => {
    const sim = await startTestSim(dir.path, {
      scenario,
      reconnectDelayMs: 30,
      flakyUpMs: [40, 80],
      flakyDownMs: [40, 80],
    });
    const seen = new Map<number, number[]>();
    const off = sim.onEmit((e) =>
      seen.set(e.deviceID, [...(seen.get(e.deviceID) ?? []), e.status]),
    );
    try {
      const flapped = (id: number) =>
        (seen.get(id) ?? []).includes(Status.DISCONNECTED) &&
        (seen.get(id) ?? []).slice(1).includes(Status.TCP_CONNECTED);
      const until = Date.now() + 10_000;
      while (!(flapped(1) && flapped(2)) && Date.now() < until)
        await new Promise((r) => setTimeout(r, 20));
      for (const id of [1, 2]) {
        const statuses = seen.get(id) ?? [];
        expect(statuses).toContain(Status.DISCONNECTED);
        expect(statuses).toContain(Status.TCP_CONNECTED);
      }
      expect(seen.get(3)).toBeUndefined();
    } finally {
      off();
      await sim.stop();
    }
  });
});

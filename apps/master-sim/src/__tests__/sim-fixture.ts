import { afterAll, afterEach, beforeEach } from 'vitest';
import type { Simulator, SimulatorOptions } from '../start-simulator.ts';
import {
  clients,
  rpc,
  startTestSim,
  subscribe,
  tempDir,
  tenantToken,
  untilSubscribers,
  type Clients,
  type Subscription,
} from './harness.ts';
import { testScenario } from './test-scenario.ts';

export interface Fixture {
  sim: Simulator;
  c: Clients;
  /** tenant1's token (owner of gw1). */
  token: string;
  /** tenant1's device status stream, subscribed before each test. */
  events: Subscription<{ deviceID: number; status: number; timestamp: number }>;
  list(gatewayID?: string): Promise<
    {
      deviceID: number;
      status: number;
      autoReconnect: boolean;
      useSSL: boolean;
      connectionMode: number;
    }[]
  >;
}

/** A fresh simulator with the test scenario per test (certificates shared within the file). */
export function useFixture(options: Partial<SimulatorOptions> = {}): Fixture {
  const dir = tempDir();
  const f = {} as Fixture;
  beforeEach(async () => {
    f.sim = await startTestSim(dir.path, {
      scenario: testScenario(),
      reconnectDelayMs: 80,
      ...options,
    });
    f.c = clients(f.sim);
    f.token = await tenantToken(f.c, f.sim, 'tenant1');
    f.events = subscribe(f.c.cm, f.token);
    await untilSubscribers(f.sim, 'device', 1);
    f.list = async (gatewayID = 'gw1') =>
      (
        await rpc<{ deviceInfos: Awaited<ReturnType<Fixture['list']>> }>(
          f.c.cm,
          'GetDeviceList',
          { gatewayID },
          f.token,
        )
      ).deviceInfos;
  });
  afterEach(async () => {
    f.events.cancel();
    f.c.close();
    await f.sim.stop();
  });
  afterAll(() => dir.remove());
  return f;
}

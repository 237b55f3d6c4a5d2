// Shared by the device-index tests: a harness (real simulator over mTLS, real BFF) with the live hub
// started and every gateway live, master reads counted by the BFF's own RPC metric, and the
// simulator's truth as the list should show it.
import { afterAll, beforeAll } from 'vitest';
import {
  connectionModeName,
  createGsdkClient,
  deviceStatusName,
  deviceTypeName,
  type GsdkClient,
} from '@cmc/gsdk';
import {
  ADMIN,
  HARNESS_TIMEOUT_MS,
  VIEWER,
  signIn,
  startHarness,
  type Client,
  type Harness,
} from '../../__tests__/harness.ts';
import { until } from '../../__tests__/until.ts';

export interface IndexWorld {
  h: Harness;
  admin: Client;
  viewer: Client;
}

export function useIndexWorld(deviceResyncMs: number): () => IndexWorld {
  let world: IndexWorld | undefined;
  beforeAll(async () => {
    const h = await startHarness({ deps: { deviceResyncMs } });
    await h.bff.live.start();
    await until(() => h.bff.live.state().mode === 'live', 20_000);
    world = { h, admin: await signIn(h.url, ADMIN), viewer: await signIn(h.url, VIEWER) };
  }, HARNESS_TIMEOUT_MS);
  afterAll(async () => {
    await world?.h.close();
  }, HARNESS_TIMEOUT_MS);
  return () => {
    if (!world) throw new Error('the world starts in beforeAll');
    return world;
  };
}

/** GetDeviceList calls the BFF made to the master so far (hub and routes). */
export async function deviceListReads(h: Harness): Promise<number> {
  const { values } = await h.bff.metrics.rpcDuration.get();
  return values
    .filter(
      (v) => v.metricName?.endsWith('_count') && v.labels.method === 'ConnectMaster.GetDeviceList',
    )
    .reduce((sum, v) => sum + v.value, 0);
}

export interface TruthRow {
  deviceID: number;
  gatewayID: string;
  type: string;
  IPAddr: string;
  port: number;
  status: string;
  connectionMode: string;
  useSSL: boolean;
  autoReconnect: boolean;
}

/** Another master client: logs in with the admin certificate as `tenantID` (no BFF in between). */
export function masterClient(h: Harness, tenantID: string): GsdkClient {
  return createGsdkClient({
    address: h.sim.address,
    caCert: h.sim.certs.caCert,
    clientCert: h.sim.certs.adminCert,
    clientKey: h.sim.certs.adminKey,
    login: { kind: 'admin', tenantID },
  });
}

const OWNERS: Record<string, string> = {
  gateway1: 'tenant1',
  gateway2: 'tenant1',
  gateway3: 'tenant2',
};

/** What the master's GetDeviceList answers for connected gateways, as rows name it, by device ID. */
export async function truth(h: Harness, gatewayIDs?: string[]): Promise<TruthRow[]> {
  const state = h.sim.control.state();
  const rows: TruthRow[] = [];
  for (const g of state.gateways) {
    if (!g.connected || (gatewayIDs && !gatewayIDs.includes(g.gatewayID))) continue;
    const client = masterClient(h, OWNERS[g.gatewayID]!);
    try {
      const { deviceInfos } = await client.connectMaster.getDeviceList({ gatewayID: g.gatewayID });
      for (const d of deviceInfos)
        rows.push({
          deviceID: d.deviceID,
          gatewayID: g.gatewayID,
          type: deviceTypeName(d.type),
          IPAddr: d.IPAddr,
          port: d.port,
          status: deviceStatusName(d.status),
          connectionMode: connectionModeName(d.connectionMode),
          useSSL: d.useSSL,
          autoReconnect: d.autoReconnect,
        });
    } finally {
      client.close();
    }
  }
  return rows.sort((a, b) => a.deviceID - b.deviceID);
}

/** A list answer's rows cut to the fields the simulator knows. */
export function asTruth(items: Array<Record<string, unknown>>): TruthRow[] {
  return items.map((r) => ({
    deviceID: r.deviceID as number,
    gatewayID: r.gatewayID as string,
    type: r.type as string,
    IPAddr: r.IPAddr as string,
    port: r.port as number,
    status: r.status as string,
    connectionMode: r.connectionMode as string,
    useSSL: r.useSSL as boolean,
    autoReconnect: r.autoReconnect as boolean,
  }));
}

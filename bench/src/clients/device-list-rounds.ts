// The device-list rounds of scenario 3, run in the client process: the BFF's GET and the direct
// GetDeviceList calls are both made away from the simulator, so neither the JSON parse nor the
// protobuf decode takes CPU from the master that both wait for.
import { now } from '../lib/clock.ts';
import { RawMaster, type MasterAccess } from '../lib/raw-gsdk.ts';

export interface DeviceListRoundsArgs {
  bffUrl: string;
  cookie: string;
  access: MasterAccess;
  /** gatewayID -> tenantID */
  tenantOf: Record<string, string>;
  rounds: number;
  warmup: number;
}

export interface DeviceListRounds {
  bffTimes: number[];
  directTimes: number[];
  rows: { bff: number; direct: number };
  responseBytes: number;
}

export async function deviceListRounds(a: DeviceListRoundsArgs): Promise<DeviceListRounds> {
  const master = new RawMaster(a.access);
  try {
    let responseBytes = 0;
    const viaBff = async (): Promise<number> => {
      const res = await fetch(`${a.bffUrl}/api/v1/devices?pageSize=10000`, {
        headers: { cookie: a.cookie },
      });
      if (!res.ok) throw new Error(`GET /api/v1/devices: ${res.status} ${await res.text()}`);
      const text = await res.text();
      responseBytes = Buffer.byteLength(text);
      const body = JSON.parse(text) as { items: unknown[]; total: number };
      return body.items.length;
    };
    const direct = async (): Promise<number> => {
      const lists = await Promise.all(
        Object.entries(a.tenantOf).map(([gatewayID, tenantID]) =>
          master.getDeviceList(tenantID, gatewayID),
        ),
      );
      return lists.reduce((n, l) => n + l.length, 0);
    };
    for (let i = 0; i < a.warmup; i++) {
      await viaBff();
      await direct();
    }
    const bffTimes: number[] = [];
    const directTimes: number[] = [];
    const rows = { bff: 0, direct: 0 };
    for (let i = 0; i < a.rounds; i++) {
      // Alternate which goes first, so neither always follows the other's garbage.
      const order = i % 2 === 0 ? (['bff', 'direct'] as const) : (['direct', 'bff'] as const);
      for (const which of order) {
        const t0 = now();
        const n = which === 'bff' ? await viaBff() : await direct();
        (which === 'bff' ? bffTimes : directTimes).push(now() - t0);
        rows[which] = n;
      }
    }
    return { bffTimes, directTimes, rows, responseBytes };
  } finally {
    master.close();
  }
}

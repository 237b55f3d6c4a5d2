// The device-list rounds, run in the client process: the BFF's GETs and the direct GetDeviceList
// calls are both made away from the simulator, so neither the JSON parse nor the protobuf decode
// takes CPU from the master that both wait for. Each round makes the direct reads once and every
// BFF request once, in an order that alternates, so all see the same noise.
import { now } from '../lib/clock.ts';
import { RawMaster, type MasterAccess } from '../lib/raw-gsdk.ts';

export interface DeviceListRoundsArgs {
  bffUrl: string;
  cookie: string;
  access: MasterAccess;
  /** gatewayID -> tenantID */
  tenantOf: Record<string, string>;
  /** BFF paths to time, e.g. /api/v1/devices?page=1&pageSize=1000 */
  paths: string[];
  rounds: number;
  warmup: number;
}

export interface BffListTimes {
  path: string;
  times: number[];
  /** `total` and the number of items of the last answer. */
  total: number;
  items: number;
  responseBytes: number;
}

export interface DeviceListRounds {
  bff: BffListTimes[];
  directTimes: number[];
  /** Devices the direct reads returned (all gateways). */
  directRows: number;
}

/** Orders of round i: the direct reads go first, last or in between, turn about. */
export function roundOrder(i: number, bffCount: number): number[] {
  const order = Array.from({ length: bffCount }, (_, k) => k);
  const at = i % (bffCount + 1);
  order.splice(at, 0, -1);
  return order;
}

export async function deviceListRounds(a: DeviceListRoundsArgs): Promise<DeviceListRounds> {
  const master = new RawMaster(a.access);
  try {
    const bff: BffListTimes[] = a.paths.map((p) => ({
      path: p,
      times: [],
      total: 0,
      items: 0,
      responseBytes: 0,
    }));
    const viaBff = async (b: BffListTimes): Promise<void> => {
      const res = await fetch(`${a.bffUrl}${b.path}`, { headers: { cookie: a.cookie } });
      if (!res.ok) throw new Error(`GET ${b.path}: ${res.status} ${await res.text()}`);
      const text = await res.text();
      b.responseBytes = Buffer.byteLength(text);
      const body = JSON.parse(text) as { items: unknown[]; total: number };
      b.items = body.items.length;
      b.total = body.total;
    };
    let directRows = 0;
    const direct = async (): Promise<void> => {
      const lists = await Promise.all(
        Object.entries(a.tenantOf).map(([gatewayID, tenantID]) =>
          master.getDeviceList(tenantID, gatewayID),
        ),
      );
      directRows = lists.reduce((n, l) => n + l.length, 0);
    };
    for (let i = 0; i < a.warmup; i++) {
      await direct();
      for (const b of bff) await viaBff(b);
    }
    const directTimes: number[] = [];
    for (let i = 0; i < a.rounds; i++) {
      for (const k of roundOrder(i, bff.length)) {
        const t0 = now();
        if (k < 0) {
          await direct();
          directTimes.push(now() - t0);
        } else {
          await viaBff(bff[k]!);
          bff[k]!.times.push(now() - t0);
        }
      }
    }
    return { bff, directTimes, directRows };
  } finally {
    master.close();
  }
}

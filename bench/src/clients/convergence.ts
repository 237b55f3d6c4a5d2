// Recovery after a master stream break, run in the client process: poll the BFF's view of the
// statuses from the break on while reading the master's truth directly (100 GetDeviceList), then
// find the first poll that equals the truth. The truth is read once: the caller stops the churn
// before, so it no longer changes.
import { connectedStatuses, deviceStatusNames } from '@cmc/api';
import { DeviceStatus } from '@cmc/gsdk/names';
import { now, sleep } from '../lib/clock.ts';
import { RawMaster, type MasterAccess } from '../lib/raw-gsdk.ts';
import { viewDifference, viewOf, type StatusView } from '../lib/status-view.ts';

export interface ConvergenceArgs {
  bffUrl: string;
  cookie: string;
  access: MasterAccess;
  tenantOf: Record<string, string>;
  /** Epoch ms of the break: times are measured from it. */
  from: number;
  timeoutMs: number;
}

export interface Convergence {
  /** ms from the break until the end of the first poll that equalled the truth (null: never). */
  convergedMs: number | null;
  /** How long the direct read of every GetDeviceList took (the baseline). */
  directReadMs: number;
  polls: number;
  /** Differences of the last poll that did not match (0 when the first poll matched). */
  lastDifference: number;
  devices: number;
}

const CONNECTED = connectedStatuses.map((s) => DeviceStatus[s]);
const OTHERS = deviceStatusNames.filter((s) => !connectedStatuses.includes(s));

async function getJson<T>(url: string, cookie: string): Promise<T> {
  const res = await fetch(url, { headers: { cookie } });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

type Page = { items: Array<{ deviceID: number; status: string }>; total: number };

/** The BFF's view: the not-connected devices, page by page, and the total of each connected status. */
export async function bffView(url: string, cookie: string): Promise<StatusView> {
  const view: StatusView = { connected: {}, others: new Map() };
  const counts = connectedStatuses.map(async (s) => {
    const p = await getJson<Page>(`${url}/api/v1/devices?status=${s}&pageSize=1`, cookie);
    view.connected[DeviceStatus[s]] = p.total;
  });
  for (let page = 1; ; page++) {
    const p = await getJson<Page>(
      `${url}/api/v1/devices?status=${OTHERS.join(',')}&pageSize=10000&page=${page}`,
      cookie,
    );
    for (const d of p.items)
      view.others.set(d.deviceID, DeviceStatus[d.status as keyof typeof DeviceStatus]);
    if (page * 10_000 >= p.total) break;
  }
  await Promise.all(counts);
  return view;
}

export async function convergence(a: ConvergenceArgs): Promise<Convergence> {
  const master = new RawMaster(a.access);
  try {
    const t0 = now();
    let directReadMs = 0;
    // Read in parallel with the polls, which start at once: a BFF faster than the read still counts.
    const truthRead = Promise.all(
      Object.entries(a.tenantOf).map(([g, t]) => master.getDeviceList(t, g)),
    ).then((lists) => {
      directReadMs = now() - t0;
      return viewOf(lists.flat(), CONNECTED);
    });
    truthRead.catch(() => undefined);
    const waiting: Array<{ at: number; view: StatusView }> = [];
    let truth: StatusView | undefined;
    let polls = 0;
    let lastDifference = 0;
    for (;;) {
      try {
        waiting.push({ view: await bffView(a.bffUrl, a.cookie), at: now() });
        polls++;
      } catch {
        // the BFF may refuse while it re-reads: that poll is simply not equal
      }
      if (!truth && (await Promise.race([truthRead.then(() => true), sleep(0).then(() => false)])))
        truth = await truthRead;
      if (truth) {
        const devices =
          Object.values(truth.connected).reduce((n, c) => n + c, 0) + truth.others.size;
        for (const p of waiting) {
          lastDifference = viewDifference(p.view, truth);
          if (lastDifference === 0)
            return { convergedMs: p.at - a.from, directReadMs, polls, lastDifference, devices };
        }
        waiting.length = 0;
        if (now() - a.from > a.timeoutMs)
          return { convergedMs: null, directReadMs, polls, lastDifference, devices };
      }
      await sleep(20);
    }
  } finally {
    master.close();
  }
}

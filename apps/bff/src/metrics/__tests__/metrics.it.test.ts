// GET /metrics scraped for real: a simulator over mTLS, a BFF with METRICS_TOKEN, figures compared
// with the simulator's own state before and after a device drops.
import { deviceStatusName } from '@cmc/gsdk/names';
import { io as connectSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  HARNESS_TIMEOUT_MS,
  signIn,
  startHarness,
  type Harness,
} from '../../__tests__/harness.ts';

const TOKEN = 'metrics-token-for-tests-0123456789';

type Samples = Map<string, number>;

/** name{a="x",b="y"} -> value; labels sorted so tests can build the key. */
function parse(text: string): Samples {
  const out: Samples = new Map();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels = [...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)]
      .map(([, k, v]) => `${k}="${v}"`)
      .sort()
      .join(',');
    out.set(labels ? `${m[1]}{${labels}}` : m[1]!, Number(m[3]));
  }
  return out;
}

const key = (name: string, labels: Record<string, string>): string =>
  `${name}{${Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .sort()
    .join(',')}}`;

describe('GET /metrics', () => {
  let h: Harness;
  const scrape = async (): Promise<Samples> => {
    const res = await fetch(`${h.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parse(await res.text());
  };

  /** Devices per gateway and status name as the simulator has them (managed devices only). */
  const simCounts = (): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const d of h.sim.control.state().devices) {
      if (!d.managed) continue;
      const k = key('cmc_devices', { gateway: d.gatewayID, status: deviceStatusName(d.status) });
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return counts;
  };

  const devicesOf = (s: Samples): Map<string, number> =>
    new Map([...s].filter(([k, v]) => k.startsWith('cmc_devices{') && v > 0));

  beforeAll(async () => {
    // No background re-read of the device index: the only list reads are the ones a scrape makes.
    h = await startHarness({
      env: { METRICS_TOKEN: TOKEN },
      deps: { deviceResyncMs: 3_600_000 },
    });
    await h.bff.live.start();
  }, HARNESS_TIMEOUT_MS);
  afterAll(async () => {
    await h?.close();
  }, HARNESS_TIMEOUT_MS);

  it('refuses a scrape without the token or with a wrong one, naming what is missing', async () => {
    const none = await fetch(`${h.url}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(((await none.json()) as { detail: string }).detail).toMatch(/Authorization: Bearer/);
    const wrong = await fetch(`${h.url}/metrics`, {
      headers: { authorization: 'Bearer not-the-token-at-all' },
    });
    expect(wrong.status).toBe(401);
    const body = await wrong.text();
    expect(body).toMatch(/token is wrong/);
    expect(body).not.toMatch(/cmc_/);
  });

  it('reports devices by status per gateway and gateways up as the simulator has them', async () => {
    const s = await scrape();
    expect(devicesOf(s)).toEqual(simCounts());
    const gateways = h.sim.control.state().gateways;
    expect(s.get('cmc_gateways_up')).toBe(gateways.filter((g) => g.connected).length);
    for (const g of gateways)
      expect(s.get(key('cmc_gateway_up', { gateway: g.gatewayID }))).toBe(g.connected ? 1 : 0);
    expect(s.get('cmc_master_up')).toBe(1);
  });

  it('counts the gateways the live hub serves from memory: a scrape reads only the others from the master', async () => {
    const listReads = (s: Samples) =>
      [...s]
        .filter(([k]) =>
          /^cmc_master_rpc_duration_seconds_count\{.*method="ConnectMaster.GetDeviceList"/.test(k),
        )
        .reduce((n, [, v]) => n + v, 0);
    const first = await scrape();
    const second = await scrape();
    const gateways = h.sim.control.state().gateways;
    expect(gateways.some((g) => g.connected)).toBe(true);
    // Offline gateways are not served from memory (their devices are unknown), so they are read.
    expect(listReads(second) - listReads(first)).toBe(gateways.filter((g) => !g.connected).length);
    expect(devicesOf(second)).toEqual(simCounts());
  });

  it('follows a device that drops: status change counted, counts still match', async () => {
    const device = h.sim.control
      .state()
      .devices.find((d) => d.managed && d.status === 1 && !d.flaky && d.kind === 'sync');
    if (!device) throw new Error('the demo scenario has no connected sync device');
    const gateway = device.gatewayID;
    const before = (await scrape()).get(key('cmc_device_status_changes_total', { gateway })) ?? 0;
    const gatewayDown = h.sim.control.state().gateways.find((g) => g.gatewayID === gateway)!;
    h.sim.control.deviceOffline(device.deviceID);
    let s = await scrape();
    for (let i = 0; i < 50; i++) {
      if (devicesOf(s).size && mapsEqual(devicesOf(s), simCounts())) break;
      await new Promise((r) => setTimeout(r, 100));
      s = await scrape();
    }
    expect(devicesOf(s)).toEqual(simCounts());
    expect(s.get(key('cmc_device_status_changes_total', { gateway }))).toBeGreaterThan(before);
    expect(gatewayDown.connected).toBe(true);
  });

  it('times master RPCs by method and code, failures included', async () => {
    const admin = await signIn(h.url, ADMIN);
    expect((await admin.get('/devices')).status).toBe(200);
    // A tenant token asking for another tenant's gateway: the master itself refuses.
    const other = h.sim.control.state().gateways.find((g) => g.tenantID !== 'tenant1')!;
    await expect(
      h.bff.pool.forTenant('tenant1').connectMaster.getDeviceList({ gatewayID: other.gatewayID }),
    ).rejects.toMatchObject({ code: 7 });
    const s = await scrape();
    const count = (method: string, code: string) =>
      s.get(`cmc_master_rpc_duration_seconds_count{code="${code}",method="${method}"}`) ?? 0;
    expect(count('ConnectMaster.GetDeviceList', 'OK')).toBeGreaterThan(0);
    expect(count('ConnectMaster.GetDeviceList', 'PERMISSION_DENIED')).toBe(1);
    expect(
      s.get(
        'cmc_master_rpc_duration_seconds_bucket{code="OK",le="+Inf",method="ConnectMaster.GetDeviceList"}',
      ),
    ).toBe(count('ConnectMaster.GetDeviceList', 'OK'));
  });

  it('counts open live sockets', async () => {
    const res = await fetch(`${h.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const base = (await scrape()).get('cmc_socket_sessions') ?? 0;
    const socket = connectSocket(h.url, {
      path: '/socket.io',
      transports: ['websocket'],
      extraHeaders: { cookie },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      expect((await scrape()).get('cmc_socket_sessions')).toBe(base + 1);
    } finally {
      socket.close();
    }
  });
});

describe('GET /metrics without METRICS_TOKEN', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, HARNESS_TIMEOUT_MS);
  afterAll(async () => {
    await h?.close();
  }, HARNESS_TIMEOUT_MS);

  it('does not exist (404), even with a bearer token', async () => {
    const res = await fetch(`${h.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/set METRICS_TOKEN/);
  });
});

function mapsEqual(a: Map<string, number>, b: Map<string, number>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}

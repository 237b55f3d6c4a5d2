// History routes over HTTP against a real BFF fed by the real simulator's status stream.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startLiveWorld, type LiveWorld } from '../../live/__tests__/live-world.ts';

let world: LiveWorld;

beforeAll(async () => {
  world = await startLiveWorld();
  // Some history to read: device 1011 drops and comes back twice.
  for (let i = 0; i < 2; i++) {
    await world.control('POST', '/devices/1011/offline');
    await world.control('POST', '/devices/1011/online?now=1');
  }
  await world.control('POST', '/devices/1031/offline');
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

async function get(
  path: string,
  cookie: string | undefined,
): Promise<{ status: number; type: string; body: Record<string, unknown> }> {
  const res = await fetch(`${world.url}/api/v1${path}`, cookie ? { headers: { cookie } } : {});
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: (await res.json()) as Record<string, unknown>,
  };
}

describe('GET /devices/:deviceID/history', () => {
  it('pages newest first with a cursor and carries the device facts', async () => {
    // initial connected + (drop, back) x 2 = 5 rows, once the stream has delivered them all
    await eventually(async () => {
      const all = await get('/devices/1011/history?limit=100', world.cookies.admin);
      expect((all.body.items as unknown[]).length).toBe(5);
    });
    const first = (await get('/devices/1011/history?limit=2', world.cookies.admin)).body as {
      items: Array<{ statusName: string; at: string; gatewayID: string }>;
      nextCursor: string | null;
      facts: Record<string, unknown>;
    };
    expect(first.items[0]?.statusName).toMatch(/CONNECTED$/);
    expect(first.items[1]?.statusName).toBe('DISCONNECTED');
    expect(first.items[0]?.gatewayID).toBe('gateway1');
    expect(Date.parse(first.items[0]?.at ?? '')).toBeGreaterThanOrEqual(
      Date.parse(first.items[1]?.at ?? ''),
    );
    expect(first.facts).toMatchObject({
      lastConnectedAt: expect.any(String),
      lastDisconnectedAt: expect.any(String),
      lastFailure: null,
      flapping: false,
    });
    expect(first.nextCursor).toMatch(/^\d+$/);

    const rest = await get(
      `/devices/1011/history?limit=100&cursor=${first.nextCursor}`,
      world.cookies.admin,
    );
    const items = rest.body.items as Array<{ statusName: string }>;
    expect(items.map((i) => i.statusName.replace(/^(TCP|TLS)_/, ''))).toEqual([
      'CONNECTED',
      'DISCONNECTED',
      'CONNECTED',
    ]);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('refuses bad input with problem+json naming the field', async () => {
    for (const [path, field] of [
      ['/devices/abc/history', 'params.deviceID'],
      ['/devices/1011/history?limit=0', 'query.limit'],
      ['/devices/1011/history?limit=5000', 'query.limit'],
      ['/devices/1011/history?cursor=x1', 'query.cursor'],
    ] as const) {
      const r = await get(path, world.cookies.admin);
      expect(r.status, path).toBe(400);
      expect(r.type).toContain('application/problem+json');
      expect((r.body.errors as Array<{ path: string }>).map((e) => e.path)).toContain(field);
    }
  });

  it('asks for a session, and shows a tenant user only devices on its gateways', async () => {
    expect((await get('/devices/1011/history', undefined)).status).toBe(401);
    expect((await get('/devices/1011/history', world.cookies.tenant1)).status).toBe(200);
    const other = await get('/devices/1011/history', world.cookies.tenant2);
    expect(other.status).toBe(404);
    expect(other.body.detail).toContain('1011');
    expect((await get('/devices/4000000000/history', world.cookies.admin)).status).toBe(404);
  });
});

describe('GET /gateways/:gatewayID/connected-series', () => {
  it('counts connected devices over time, per gateway and over all', async () => {
    const to = Date.now() + 60_000;
    const from = to - 10 * 60_000;
    const state = await world.simState();
    const connected = (gw?: string) =>
      state.devices.filter((d) => d.managed && d.status > 0 && (!gw || d.gatewayID === gw)).length;
    await eventually(async () => {
      const one = await get(
        `/gateways/gateway1/connected-series?from=${from}&to=${to}&stepSeconds=60`,
        world.cookies.admin,
      );
      expect(one.status).toBe(200);
      const points = one.body.points as Array<{ t: string; connected: number }>;
      expect(points).toHaveLength(10);
      expect(points[0]?.t).toBe(new Date(from).toISOString());
      expect(points.at(-1)?.connected).toBe(connected('gateway1'));
      const all = await get(
        `/gateways/all/connected-series?from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}&stepSeconds=60`,
        world.cookies.admin,
      );
      expect((all.body.points as Array<{ connected: number }>).at(-1)?.connected).toBe(connected());
      // A tenant user's 'all' covers only its own gateways.
      const mine = await get(
        `/gateways/all/connected-series?from=${from}&to=${to}&stepSeconds=60`,
        world.cookies.tenant2,
      );
      expect((mine.body.points as Array<{ connected: number }>).at(-1)?.connected).toBe(
        connected('gateway3'),
      );
    });
  });

  it('refuses bad ranges and other tenants’ gateways', async () => {
    const r = await get(
      '/gateways/gateway1/connected-series?from=2000&to=1000',
      world.cookies.admin,
    );
    expect(r.status).toBe(400);
    expect((r.body.errors as Array<{ path: string }>).map((e) => e.path)).toContain('query.from');
    const many = await get(
      '/gateways/gateway1/connected-series?from=0&to=100000000&stepSeconds=1',
      world.cookies.admin,
    );
    expect((many.body.errors as Array<{ path: string }>).map((e) => e.path)).toContain(
      'query.stepSeconds',
    );
    const date = await get(
      '/gateways/gateway1/connected-series?from=yesterday',
      world.cookies.admin,
    );
    expect((date.body.errors as Array<{ path: string }>).map((e) => e.path)).toContain(
      'query.from',
    );
    expect((await get('/gateways/gateway3/connected-series', world.cookies.tenant1)).status).toBe(
      403,
    );
    expect((await get('/gateways/nope/connected-series', world.cookies.admin)).status).toBe(404);
    expect((await get('/gateways/bad%20id/connected-series', world.cookies.admin)).status).toBe(
      400,
    );
  });
});

describe('GET /history/recent', () => {
  it('includes a change recorded just before the request (the queued rows are written first)', async () => {
    // The history flushes every 250 ms on its worker thread; the read waits for the queued rows
    // instead of answering from what happens to be on disk.
    await eventually(async () => {
      const hub = await get('/devices/1031/history?limit=1', world.cookies.admin);
      expect((hub.body.items as Array<{ statusName: string }>)[0]?.statusName).toBe('DISCONNECTED');
    });
    await world.control('POST', '/devices/1031/online?now=1');
    await eventually(async () => {
      const recent = await get('/history/recent?limit=5', world.cookies.admin);
      expect(recent.status).toBe(200);
      const first = (recent.body.items as Array<{ deviceID: number; statusName: string }>)[0];
      expect(first).toMatchObject({ deviceID: 1031 });
      expect(first?.statusName).toMatch(/CONNECTED$/);
    });
  });
});

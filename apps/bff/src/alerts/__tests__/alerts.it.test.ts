// Alerts end to end through the real BFF, simulator and SQLite: a rule raises an alarm when the
// simulator takes a device off the network, an admin acknowledges it, it clears when the device is
// back; webhooks reach a real HTTP receiver on loopback with a valid signature, retried after a 500;
// a restart on the same database neither loses nor re-raises an open alarm.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Alarm, Delivery } from '@cmc/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBff, type Bff } from '../../app.ts';
import {
  ADMIN,
  HARNESS_TIMEOUT_MS,
  signIn,
  startHarness,
  VIEWER,
  type Client,
  type Harness,
} from '../../__tests__/harness.ts';
import { verifySignature } from '../webhooks/sign.ts';

const DEVICE = 544114231; // gateway1, tenant1, async: connected at start
const FAST = { evalIntervalMs: 100, notifier: { retryBaseMs: 200, pollMs: 50 } };

interface Received {
  body: string;
  signature: string | undefined;
  json: { event: string; alarm?: Alarm; deliveryID: number };
}

function startReceiver(): Promise<{
  url: string;
  received: Received[];
  failNext: { count: number };
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const failNext = { count: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (failNext.count > 0) {
        failNext.count -= 1;
        res.writeHead(500).end('try later');
        return;
      }
      const sig = req.headers['x-cmc-signature'];
      received.push({
        body,
        signature: typeof sig === 'string' ? sig : undefined,
        json: JSON.parse(body) as Received['json'],
      });
      res.writeHead(204).end();
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/hook`,
        received,
        failNext,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  ms = 15_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const alarmsOf = async (c: Client, query = ''): Promise<Alarm[]> =>
  ((await c.get(`/alarms${query}`).expect(200)).body as { alarms: Alarm[] }).alarms;

describe('alerts (real simulator, BFF, SQLite and HTTP receiver)', () => {
  let h: Harness;
  let admin: Client;
  let viewer: Client;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let second: Bff | undefined;

  beforeAll(async () => {
    receiver = await startReceiver();
    h = await startHarness({ deps: { alerts: FAST } });
    await h.bff.live.start();
    admin = await signIn(h.url, ADMIN);
    viewer = await signIn(h.url, VIEWER);
  }, HARNESS_TIMEOUT_MS);
  afterAll(async () => {
    await second?.close();
    await h?.close();
    await receiver?.close();
  }, HARNESS_TIMEOUT_MS);

  it('refuses bad rules and webhook URLs with the field at fault', async () => {
    const badUrl = await admin.post('/alert-webhooks', { name: 'x', url: 'ftp://127.0.0.1/x' });
    expect(badUrl.status).toBe(400);
    expect(JSON.stringify(badUrl.body)).toContain('http:// or https://');
    const badScope = await admin.post('/alert-rules', {
      name: 'gw',
      condition: { kind: 'gateway-offline', seconds: 2 },
      scope: { kind: 'device', deviceID: DEVICE },
    });
    expect(badScope.status).toBe(400);
    expect(JSON.stringify(badScope.body)).toContain('scope');
    const noHook = await admin.post('/alert-rules', {
      name: 'x',
      condition: { kind: 'device-offline', seconds: 2 },
      scope: { kind: 'all' },
      webhookIDs: [999],
    });
    expect(noHook.status).toBe(400);
    expect(JSON.stringify(noHook.body)).toContain('webhookIDs');
    expect((await viewer.get('/alert-rules')).status).toBe(403);
  });

  it('rule → alarm raised by an outage → acknowledged → cleared, with signed webhook deliveries', async () => {
    const created = await admin
      .post('/alert-webhooks', { name: 'receiver', url: receiver.url })
      .expect(201);
    const { webhook, secret } = created.body as { webhook: { id: number }; secret: string };
    const listed = JSON.stringify((await admin.get('/alert-webhooks').expect(200)).body);
    expect(listed).not.toContain(secret);
    expect(listed).toContain(secret.slice(-4));

    const rule = (
      await admin
        .post('/alert-rules', {
          name: 'door down',
          condition: { kind: 'device-offline', seconds: 1 },
          scope: { kind: 'device', deviceID: DEVICE },
          webhookIDs: [webhook.id],
        })
        .expect(201)
    ).body as { id: number };
    expect(await alarmsOf(admin, `?ruleID=${rule.id}`)).toEqual([]);

    receiver.failNext.count = 1; // the first delivery attempt gets a 500 and is retried
    const offlineAt = Date.now();
    h.sim.control.deviceOffline(DEVICE);
    const raised = await until('the alarm', async () =>
      (await alarmsOf(admin, `?ruleID=${rule.id}`)).find((a) => a.deviceID === DEVICE),
    );
    expect(raised.state).toBe('active');
    expect(Date.parse(raised.raisedAt) - offlineAt).toBeGreaterThanOrEqual(900);
    expect(raised.gatewayID).toBe('gateway1');
    // tenant1's viewer sees it (gateway1 is tenant1's) but may not acknowledge.
    expect((await alarmsOf(viewer)).map((a) => a.id)).toContain(raised.id);
    expect((await viewer.post(`/alarms/${raised.id}/acknowledge`)).status).toBe(403);
    expect((await admin.get('/alarms/summary').expect(200)).body).toMatchObject({ active: 1 });
    const gauge = await h.bff.metrics.alarmsActive.get();
    expect(gauge.values).toEqual([
      expect.objectContaining({ labels: { severity: 'all' }, value: 1 }),
    ]);

    const acked = (await admin.post(`/alarms/${raised.id}/acknowledge`).expect(200)).body as Alarm;
    expect(acked).toMatchObject({ state: 'acknowledged', acknowledgedBy: ADMIN.username });

    h.sim.control.deviceOnline(DEVICE, { now: true });
    const cleared = await until('the clearing', async () => {
      const [a] = await alarmsOf(admin, `?ruleID=${rule.id}&state=all`);
      return a?.state === 'cleared' ? a : undefined;
    });
    expect(cleared).toMatchObject({ id: raised.id, clearReason: 'condition ended' });

    const events = await until('three deliveries', async () =>
      receiver.received.length >= 3 ? receiver.received : undefined,
    );
    // Each delivery is retried on its own: the raised one (failed once) may arrive after the others.
    expect(events.map((e) => e.json.event).sort()).toEqual([
      'alarm.acknowledged',
      'alarm.cleared',
      'alarm.raised',
    ]);
    for (const e of events) expect(verifySignature(secret, e.body, e.signature)).toBe(true);
    expect(verifySignature('whsec_wrong', events[0]!.body, events[0]!.signature)).toBe(false);
    const deliveries = (await admin.get(`/alarms/${raised.id}/deliveries`).expect(200)).body as {
      deliveries: Delivery[];
    };
    const first = deliveries.deliveries.find((d) => d.event === 'raised');
    expect(first).toMatchObject({ state: 'delivered', attempts: 2, lastStatus: 204 });
    const counted = await h.bff.metrics.webhookDeliveries.get();
    const byOutcome = Object.fromEntries(counted.values.map((v) => [v.labels.outcome, v.value]));
    expect(byOutcome).toMatchObject({ retried: 1, delivered: 3 });
  });

  it('raises a failure-cause alarm for a device the simulator cannot reach', async () => {
    // 544114241: an async registration whose address answers nothing, so TCP_CANNOT_CONNECT.
    const rule = (
      await admin
        .post('/alert-rules', {
          name: 'unreachable',
          condition: { kind: 'device-failure', cause: 'TCP_CANNOT_CONNECT' },
          scope: { kind: 'gateway', gatewayID: 'gateway1' },
        })
        .expect(201)
    ).body as { id: number };
    const alarms = await until('the failure alarm', async () => {
      const list = await alarmsOf(admin, `?ruleID=${rule.id}`);
      return list.length > 0 ? list : undefined;
    });
    expect(alarms.map((a) => a.deviceID)).toContain(544114241);
    expect(alarms.every((a) => a.message.includes('failing: TCP_CANNOT_CONNECT'))).toBe(true);
    await admin.del(`/alert-rules/${rule.id}`).expect(200);
    await until('the clearing by removal', async () =>
      (await alarmsOf(admin, `?ruleID=${rule.id}`)).length === 0 ? true : undefined,
    );
  });

  it('sends a signed test notification on demand', async () => {
    const { webhook, secret } = (
      await admin.post('/alert-webhooks', { name: 'test me', url: receiver.url }).expect(201)
    ).body as { webhook: { id: number }; secret: string };
    const before = receiver.received.length;
    const result = (await admin.post(`/alert-webhooks/${webhook.id}/test`).expect(200))
      .body as Delivery;
    expect(result).toMatchObject({ state: 'delivered', attempts: 1, event: 'test' });
    const got = receiver.received[before]!;
    expect(got.json.event).toBe('test');
    expect(verifySignature(secret, got.body, got.signature)).toBe(true);
  });

  it('keeps tenant viewers to their gateways, and survives a restart without a second raise', async () => {
    const rule = (
      await admin
        .post('/alert-rules', {
          name: 'gateway3 down',
          condition: { kind: 'gateway-offline', seconds: 1 },
          scope: { kind: 'gateway', gatewayID: 'gateway3' },
        })
        .expect(201)
    ).body as { id: number };
    h.sim.control.gatewayOffline('gateway3');
    const raised = await until(
      'the gateway alarm',
      async () => (await alarmsOf(admin, `?ruleID=${rule.id}`))[0],
    );
    expect(raised).toMatchObject({ gatewayID: 'gateway3', deviceID: null, state: 'active' });
    // gateway3 is tenant2's: tenant1's viewer does not see it.
    expect((await alarmsOf(viewer, '?state=all')).map((a) => a.id)).not.toContain(raised.id);

    await h.bff.close();
    second = await createBff(h.bff.config, { alerts: FAST, drainTimeoutMs: 2000 });
    const address = await second.listen(0, '127.0.0.1');
    await second.live.start();
    const again = await signIn(`http://127.0.0.1:${address.port}`, ADMIN);
    // Several evaluations on the restarted instance: still exactly the one alarm, unchanged.
    await new Promise((r) => setTimeout(r, 2500));
    const open = await alarmsOf(again, `?ruleID=${rule.id}&state=all`);
    expect(
      open.map((a) => [a.id, a.state]),
      JSON.stringify(open),
    ).toEqual([[raised.id, 'active']]);

    h.sim.control.gatewayOnline('gateway3');
    await until('the gateway alarm to clear after the restart', async () => {
      const [a] = await alarmsOf(again, `?ruleID=${rule.id}&state=all`);
      return a?.state === 'cleared' ? a : undefined;
    });
  });
});

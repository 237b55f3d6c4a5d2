// Scaled out, alerts are evaluated once: two BFF instances on one SQLite file and a real Redis, one
// rule, one outage → exactly one alarm and one webhook notification (the lease holder's). When the
// holder stops, the other instance takes the lease and carries on: it clears the alarm.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Alarm } from '@cmc/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBff, type Bff } from '../../app.ts';
import {
  ADMIN,
  HARNESS_TIMEOUT_MS,
  signIn,
  startHarness,
  type Harness,
} from '../../__tests__/harness.ts';
import { startRedisServer, type RedisServer } from '../../scale/__tests__/redis-server.ts';

const DEVICE = 544114231;
const FAST = { evalIntervalMs: 100, notifier: { retryBaseMs: 200, pollMs: 50 } };

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  ms = 20_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('alerts scaled out (two instances, real Redis)', () => {
  let redis: RedisServer;
  let h: Harness;
  let other: Bff;
  let otherUrl = '';
  const events: string[] = [];
  let receiver: http.Server;

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        events.push((JSON.parse(Buffer.concat(chunks).toString()) as { event: string }).event);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    redis = await startRedisServer();
    h = await startHarness({
      env: { REDIS_URL: redis.url, SESSION_SECRET: 'alerts-scale-secret-0123456789abcdef0123' },
      deps: { alerts: FAST },
    });
    other = await createBff(h.bff.config, { alerts: FAST, drainTimeoutMs: 2000 });
    otherUrl = `http://127.0.0.1:${(await other.listen(0, '127.0.0.1')).port}`;
    await Promise.all([h.bff.live.start(), other.live.start()]);
  }, HARNESS_TIMEOUT_MS);
  afterAll(async () => {
    await other?.close();
    await h?.close();
    await redis?.stop();
    await new Promise<void>((r) => receiver.close(() => r()));
  }, HARNESS_TIMEOUT_MS);

  it('evaluates on the lease holder only, and hands over when it stops', async () => {
    const admin = await signIn(h.url, ADMIN);
    const { webhook } = (
      await admin
        .post('/alert-webhooks', {
          name: 'r',
          url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`,
        })
        .expect(201)
    ).body as { webhook: { id: number } };
    const rule = (
      await admin
        .post('/alert-rules', {
          name: 'down',
          condition: { kind: 'device-offline', seconds: 1 },
          scope: { kind: 'device', deviceID: DEVICE },
          webhookIDs: [webhook.id],
        })
        .expect(201)
    ).body as { id: number };
    const holders = await until('one lease holder', async () => {
      const n = [h.bff, other].filter((b) => b.alerts.evaluating());
      return n.length === 1 ? n : undefined;
    });
    expect(holders).toHaveLength(1);

    h.sim.control.deviceOffline(DEVICE);
    const alarms = async (c: Awaited<ReturnType<typeof signIn>>) =>
      ((await c.get(`/alarms?ruleID=${rule.id}&state=all`).expect(200)).body as { alarms: Alarm[] })
        .alarms;
    await until('the alarm', async () => ((await alarms(admin)).length > 0 ? true : undefined));
    await new Promise((r) => setTimeout(r, 1500)); // more evaluations on both instances
    expect((await alarms(admin)).length).toBe(1);
    await until('the notification', async () => (events.length > 0 ? true : undefined));
    expect(events).toEqual(['alarm.raised']);

    // The holder stops (releasing its lease); the other instance takes over and clears the alarm.
    const [holder] = holders;
    const survivor = holder === h.bff ? other : h.bff;
    const survivorUrl = holder === h.bff ? otherUrl : h.url;
    await holder!.close();
    await until('the hand-over', async () => (survivor.alerts.evaluating() ? true : undefined));
    h.sim.control.deviceOnline(DEVICE, { now: true });
    const again = await signIn(survivorUrl, ADMIN);
    const [cleared] = await until('the clearing', async () => {
      const list = await alarms(again);
      return list[0]?.state === 'cleared' ? list : undefined;
    });
    expect(cleared).toMatchObject({ clearReason: 'condition ended' });
    expect((await alarms(again)).length).toBe(1);
    await until('the clear notification', async () => (events.length >= 2 ? true : undefined));
    expect(events).toEqual(['alarm.raised', 'alarm.cleared']);
  });
});

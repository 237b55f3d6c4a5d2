import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceStatus, GatewayStatus } from '../names.ts';
import type { DeviceStatusChange, GatewayStatusChange, StatusEvent } from '../types.ts';
import { EventRecorder } from './helpers/events.ts';
import { startFixture, type SimFixture } from './helpers/sim-fixture.ts';

// ConnectMaster.SubscribeStatus and Gateway.SubscribeStatus through the resubscribing subscription.
const fastRetry = { resubscribe: { initialDelayMs: 50, maxDelayMs: 500 } };
let fixture: SimFixture;

beforeAll(async () => {
  fixture = await startFixture();
});
afterAll(async () => {
  await fixture?.stop();
});

const isDeviceChange =
  (deviceID: number, status?: number) =>
  (event: StatusEvent<DeviceStatusChange>): boolean =>
    event.type === 'change' &&
    event.change.deviceID === deviceID &&
    (status === undefined || event.change.status === status);

const subscribed = (resubscribed: boolean) => (event: StatusEvent<unknown>) =>
  event.type === 'subscribed' && event.resubscribed === resubscribed;

describe('device status stream', () => {
  it("delivers the tenant's own device changes, not another tenant's", async () => {
    const client = fixture.adminClient('tenant1', fastRetry);
    const subscription = client.subscribeDeviceStatus({ queueSize: 100 });
    const recorder = new EventRecorder(subscription);
    await recorder.waitFor('subscribed', subscribed(false));
    await fixture.control('POST', '/devices/1301/offline');
    await fixture.control('POST', '/devices/1101/offline');
    const change = await recorder.waitFor(
      '1101 DISCONNECTED',
      isDeviceChange(1101, DeviceStatus.DISCONNECTED),
    );
    expect(change.type === 'change' && change.change.timestamp).toBeGreaterThan(
      Date.now() / 1000 - 60,
    );
    await fixture.control('POST', '/devices/1101/online?now=1');
    await recorder.waitFor('1101 TCP_CONNECTED', isDeviceChange(1101, DeviceStatus.TCP_CONNECTED));
    expect(recorder.events.some(isDeviceChange(1301))).toBe(false);
    subscription.cancel();
    await recorder.done;
  });

  it('resubscribes after the master ends the stream, says so, and keeps delivering', async () => {
    const client = fixture.adminClient('tenant1', fastRetry);
    const recorder = new EventRecorder(client.subscribeDeviceStatus());
    await recorder.waitFor('subscribed', subscribed(false));
    await fixture.control('POST', '/streams/break');
    const broken = await recorder.waitFor('error', (e) => e.type === 'error');
    expect(broken.type === 'error' && broken.error).toMatchObject({
      codeName: 'UNAVAILABLE',
      rpc: 'ConnectMaster.SubscribeStatus',
    });
    expect(broken.type === 'error' && broken.retryInMs).toBeLessThan(50);
    await recorder.waitFor('resubscribed', subscribed(true));
    await fixture.control('POST', '/devices/1102/offline');
    await recorder.waitFor(
      '1102 change after resubscribe',
      isDeviceChange(1102, DeviceStatus.DISCONNECTED),
    );
    client.close();
    await recorder.done;
  });

  it('cancel() ends a for-await loop cleanly and stops delivery', async () => {
    const client = fixture.adminClient('tenant1', fastRetry);
    const subscription = client.subscribeDeviceStatus();
    const seen: string[] = [];
    const loop = (async () => {
      for await (const event of subscription) {
        seen.push(event.type);
        if (event.type === 'subscribed') subscription.cancel();
      }
      return 'ended';
    })();
    await expect(loop).resolves.toBe('ended');
    expect(seen).toEqual(['subscribed']);
    expect(subscription.cancelled).toBe(true);
    await fixture.control('POST', '/devices/1105/offline');
    const after = await subscription[Symbol.asyncIterator]().next();
    expect(after.done).toBe(true);
  });
  it('a consumer that stops reading keeps at most maxBuffered events; the rest are counted as dropped', async () => {
    const client = fixture.adminClient('tenant1', fastRetry);
    const subscription = client.subscribeDeviceStatus({ maxBuffered: 20 });
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ type: 'subscribed' });
    await fixture.control('POST', '/churn', { changesPerSecond: 400 });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await fixture.control('POST', '/churn', { changesPerSecond: 0 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(subscription.dropped).toBeGreaterThan(0);
    let buffered = 0;
    for (;;) {
      const next = await Promise.race([
        iterator.next(),
        new Promise<'empty'>((resolve) => setTimeout(() => resolve('empty'), 100)),
      ]);
      if (next === 'empty') break;
      expect(next.value).toMatchObject({ type: 'change' });
      buffered += 1;
    }
    expect(buffered).toBeGreaterThan(0);
    expect(buffered).toBeLessThanOrEqual(20);
    subscription.cancel();
  });
});

describe('gateway status stream', () => {
  it('reports a device gateway leaving and rejoining the master', async () => {
    const admin = fixture.adminClient('administrator', fastRetry);
    const recorder = new EventRecorder<GatewayStatusChange>(admin.subscribeGatewayStatus());
    await recorder.waitFor('subscribed', subscribed(false));
    await fixture.control('POST', '/gateways/gw3/offline');
    await fixture.control('POST', '/gateways/gw3/online');
    const isGw3 = (status: number) => (e: StatusEvent<GatewayStatusChange>) =>
      e.type === 'change' && e.change.gatewayID === 'gw3' && e.change.status === status;
    await recorder.waitFor('gw3 DISCONNECTED', isGw3(GatewayStatus.DISCONNECTED));
    await recorder.waitFor('gw3 CONNECTED', isGw3(GatewayStatus.CONNECTED));
    const changes = recorder.events.filter((e) => e.type === 'change');
    expect(changes.map((e) => e.type === 'change' && e.change.status)).toEqual([
      GatewayStatus.DISCONNECTED,
      GatewayStatus.CONNECTED,
    ]);
    admin.close();
    await recorder.done;
  });
});

describe('simulator restart', () => {
  it('the stream survives the master restarting on the same port and certificates', async () => {
    const own = await startFixture();
    try {
      const client = own.adminClient('tenant1', fastRetry);
      const recorder = new EventRecorder(client.subscribeDeviceStatus());
      await recorder.waitFor('subscribed', subscribed(false));
      await own.control('POST', '/devices/1101/offline');
      await recorder.waitFor(
        '1101 change before restart',
        isDeviceChange(1101, DeviceStatus.DISCONNECTED),
      );

      await own.sim.stop();
      const errorIndex = recorder.events.length;
      await recorder.waitFor('error after stop', (e) => e.type === 'error', 8_000, errorIndex);
      await own.restart();
      await recorder.waitFor('resubscribed after restart', subscribed(true), 15_000, errorIndex);
      await own.control('POST', '/devices/1102/offline');
      await recorder.waitFor(
        '1102 change after restart',
        isDeviceChange(1102, DeviceStatus.DISCONNECTED),
        8_000,
        errorIndex,
      );
      client.close();
      await recorder.done;
    } finally {
      await own.stop();
    }
  });

  it('a subscription made while the master is down retries with growing delays until it is up', async () => {
    const own = await startFixture();
    try {
      await own.sim.stop();
      const client = own.adminClient('tenant1', {
        resubscribe: { initialDelayMs: 100, maxDelayMs: 400 },
      });
      const recorder = new EventRecorder(client.subscribeDeviceStatus());
      await recorder.waitFor(
        'three errors',
        () => recorder.events.filter((e) => e.type === 'error').length >= 3,
        8_000,
      );
      const errors = recorder.events.flatMap((e) => (e.type === 'error' ? [e] : []));
      // The master is down: the login (first) or the stream fails as UNAVAILABLE; delays stay under the caps.
      expect(errors.every((e) => e.error.codeName === 'UNAVAILABLE')).toBe(true);
      errors
        .slice(0, 3)
        .forEach((e, attempt) => expect(e.retryInMs).toBeLessThan(100 * 2 ** attempt));
      expect(recorder.events.some((e) => e.type === 'subscribed')).toBe(false);
      await own.restart();
      await recorder.waitFor('subscribed once the master is up', subscribed(true), 15_000);
      await own.control('POST', '/devices/1101/offline');
      await recorder.waitFor('1101 change', isDeviceChange(1101, DeviceStatus.DISCONNECTED));
      client.close();
      await recorder.done;
    } finally {
      await own.stop();
    }
  });
});

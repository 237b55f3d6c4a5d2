import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import {
  adminToken,
  clients,
  Status,
  subscribe,
  tenantToken,
  untilSubscribers,
} from './harness.ts';
import { useFixture } from './sim-fixture.ts';
import { D } from './test-scenario.ts';

describe('status streams', () => {
  const f = useFixture();

  it('ConnectMaster.SubscribeStatus carries only the caller tenant’s devices', async () => {
    const t2 = subscribe(f.c.cm, await tenantToken(f.c, f.sim, 'tenant2'));
    await untilSubscribers(f.sim, 'device', 2);
    f.sim.control.deviceOffline(D.gw2Async);
    f.sim.control.deviceOffline(D.sync);
    await t2.waitFor((e) => e.deviceID === D.gw2Async && e.status === Status.DISCONNECTED);
    await f.events.waitFor((e) => e.deviceID === D.sync && e.status === Status.DISCONNECTED);
    expect(t2.events.some((e) => e.deviceID === D.sync)).toBe(false);
    expect(f.events.events.some((e) => e.deviceID === D.gw2Async)).toBe(false);
    t2.cancel();
  });

  it('Gateway.SubscribeStatus: the administrator sees every gateway, a tenant only its own', async () => {
    const all = subscribe<{ gatewayID: string; status: number; timestamp: number }>(
      f.c.gateway,
      await adminToken(f.c, f.sim),
    );
    const t2 = subscribe<{ gatewayID: string; status: number; timestamp: number }>(
      f.c.gateway,
      await tenantToken(f.c, f.sim, 'tenant2'),
    );
    await untilSubscribers(f.sim, 'gateway', 2);
    f.sim.control.gatewayOffline('gw1');
    f.sim.control.gatewayOffline('gw2');
    f.sim.control.gatewayOnline('gw1');
    await all.waitFor((e) => e.gatewayID === 'gw1' && e.status === 1);
    await all.waitFor((e) => e.gatewayID === 'gw2' && e.status === 0);
    await t2.waitFor((e) => e.gatewayID === 'gw2' && e.status === 0);
    expect(all.events.filter((e) => e.gatewayID === 'gw1').map((e) => e.status)).toEqual([0, 1]);
    expect(t2.events.map((e) => e.gatewayID)).toEqual(['gw2']);
    all.cancel();
    t2.cancel();
  });

  it('a subscription without a valid token ends with UNAUTHENTICATED', async () => {
    const bad = subscribe(f.c.cm, 'garbage');
    expect((await bad.ended).code).toBe(status.UNAUTHENTICATED);
    const none = subscribe(f.c.gateway, undefined);
    expect((await none.ended).code).toBe(status.UNAUTHENTICATED);
  });

  it('POST /streams/break ends every stream with UNAVAILABLE', async () => {
    const gw = subscribe(f.c.gateway, f.token);
    await untilSubscribers(f.sim, 'gateway', 1);
    const res = await fetch(`${f.sim.controlUrl}/streams/break`, { method: 'POST' });
    expect(await res.json()).toEqual({ deviceStreams: 1, gatewayStreams: 1 });
    expect((await f.events.ended).code).toBe(status.UNAVAILABLE);
    expect((await gw.ended).code).toBe(status.UNAVAILABLE);
    expect(f.sim.control.streams().device).toEqual([]);
  });

  it('a client that stops reading loses its oldest events beyond its queueSize; the bound is per subscriber', async () => {
    // Separate channels, so the paused stream does not share HTTP/2 connection flow control; a
    // small window on the slow one so its transport fills up after a few events.
    const slowClients = clients(f.sim, undefined, undefined, {
      'grpc-node.flow_control_window': 1024,
    });
    const roomyClients = clients(f.sim);
    const slow = subscribe(slowClients.cm, f.token, 5);
    const roomy = subscribe(roomyClients.cm, f.token, 100_000);
    await untilSubscribers(f.sim, 'device', 3);
    slow.stream.pause();
    const slowStats = () => f.sim.control.streams().device.find((s) => s.queueSize === 5)!;
    // Publish in bursts (yielding so the reading clients keep up) until the slow one overflows.
    let sent = 0;
    while (slowStats().dropped === 0 && sent < 200_000) {
      for (let i = 0; i < 500; i++) {
        f.sim.control.deviceOffline(D.asyncDB);
        f.sim.control.deviceOnline(D.asyncDB, { now: true });
      }
      sent += 1000;
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(slowStats()).toMatchObject({ queued: 5 });
    expect(slowStats().dropped).toBeGreaterThan(0);
    expect(f.sim.control.streams().device.find((s) => s.queueSize === 100_000)!.dropped).toBe(0);
    await roomy.waitFor(() => roomy.events.length >= sent, 15_000);
    expect(roomy.events).toHaveLength(sent);
    slow.cancel();
    roomy.cancel();
    slowClients.close();
    roomyClients.close();
  });
});

// Unit test of TenantFeed's ordering rules with a scripted subscription and device-list reads.
import { describe, expect, it } from 'vitest';
import type { DeviceStatusChange, GsdkClient } from '@cmc/gsdk';
import { createDeltaBatcher, type PendingDelta } from '../delta-batcher.ts';
import type { DeviceInfo } from '@cmc/gsdk';
import { type LiveState } from '../live-state.ts';
import { TenantFeed } from '../tenant-feed.ts';
import { GatewayMemory } from '../../gateways/gateway-memory.ts';
import { scriptedSubscription } from './scripted-subscription.ts';
import { testHubContext } from './test-hub-context.ts';

const info = (deviceID: number, status: number): DeviceInfo => ({
  deviceID,
  status: status as DeviceInfo['status'],
  type: 1,
  connectionMode: 0,
  IPAddr: '10.0.0.1',
  port: 51211,
  useSSL: false,
  autoReconnect: true,
});
const tick = () => new Promise((r) => setTimeout(r, 5));

function setup() {
  const sub = scriptedSubscription<DeviceStatusChange>();
  const reads: Array<{
    gatewayID: string;
    resolve: (infos: DeviceInfo[]) => void;
    reject: (e: Error) => void;
  }> = [];
  const client = {
    subscribeDeviceStatus: () => sub,
    connectMaster: {
      getDeviceList: ({ gatewayID }: { gatewayID: string }) =>
        new Promise((resolve, reject) =>
          reads.push({ gatewayID, resolve: (infos) => resolve({ deviceInfos: infos }), reject }),
        ),
    },
  } as unknown as GsdkClient;
  const deltas: Array<[string, PendingDelta]> = [];
  const recorded: Array<{ deviceID: number; status: number }> = [];
  const observed: Array<{ deviceID: number; status: number }> = [];
  const { ctx, state, modes } = testHubContext(client, {
    batcher: createDeltaBatcher(0, (batch) => deltas.push(...batch)),
    history: {
      record: (c) => void recorded.push({ deviceID: c.deviceID, status: c.status }),
      observe: (c) => void observed.push({ deviceID: c.deviceID, status: c.status }),
    },
  });
  const feed = new TenantFeed('tenant1', ['gw1'], ctx);
  return { sub, reads, deltas, recorded, observed, modes, state, feed, ctx };
}

/** A feed whose first lists were `infos`, with the deltas they caused already taken. */
async function liveWith(infos: DeviceInfo[]) {
  const t = setup();
  t.feed.start();
  t.sub.push({ type: 'subscribed', resubscribed: false });
  await tick();
  t.reads[0]?.resolve(infos);
  await t.feed.ready;
  t.ctx.batcher.flush();
  t.deltas.length = 0;
  return t;
}

const statusOf = (state: LiveState, id: number) =>
  state.gateways.get('gw1')?.devices.get(id)?.status;

describe('TenantFeed', () => {
  it('as a follower (another instance holds the stream) applies changes and deltas but writes no history', async () => {
    const t = setup();
    Object.defineProperty(t.sub, 'holding', { value: false });
    t.feed.start();
    t.sub.push({ type: 'subscribed', resubscribed: false });
    await tick();
    t.reads[0]?.resolve([info(7, 1)]);
    await t.feed.ready;
    t.sub.push({ type: 'change', change: { deviceID: 7, status: 0, timestamp: 0 } });
    await tick();
    t.ctx.batcher.flush();
    expect(statusOf(t.state, 7)).toBe('DISCONNECTED');
    expect(t.deltas.flatMap(([, d]) => d.changes.map((c) => `${c.deviceID}:${c.status}`))).toEqual([
      '7:DISCONNECTED',
    ]);
    expect(t.recorded).toEqual([]);
    t.feed.stop();
  });

  it('holds changes for devices no list has shown yet and applies them after the read, so a stale read cannot undo them', async () => {
    const t = setup();
    t.feed.start();
    t.sub.push({ type: 'subscribed', resubscribed: false });
    await tick();
    expect(t.reads).toHaveLength(1);
    // The device drops while the (older) list read is on its way.
    t.sub.push({ type: 'change', change: { deviceID: 7, status: 0, timestamp: 0 } });
    await tick();
    t.reads[0]?.resolve([info(7, 1), info(8, 2)]);
    await t.feed.ready;
    await tick();
    expect(statusOf(t.state, 7)).toBe('DISCONNECTED');
    expect(statusOf(t.state, 8)).toBe('TLS_CONNECTED');
    expect(t.modes).toEqual(['degraded gw1 starting', 'live gw1']);
    expect(t.recorded).toEqual([
      { deviceID: 7, status: 1 },
      { deviceID: 8, status: 2 },
      { deviceID: 7, status: 0 },
    ]);
    t.feed.stop();
  });

  it("sends a known device's change during a re-read at once, and the older list read cannot undo it", async () => {
    const t = await liveWith([info(7, 1), info(8, 1)]);
    t.recorded.length = 0;
    const sent = () =>
      t.deltas.flatMap(([, d]) => d.changes.map((c) => `${c.deviceID}:${c.status}`));

    void t.feed.reload();
    await tick();
    expect(t.reads).toHaveLength(2);
    t.sub.push({ type: 'change', change: { deviceID: 7, status: 0, timestamp: 0 } });
    await tick();
    t.ctx.batcher.flush();
    // Out before the read is in (it used to wait for the read).
    expect(sent()).toEqual(['7:DISCONNECTED']);
    // The list was taken before 7 dropped; 8 changed without an event (another client).
    t.reads[1]?.resolve([info(7, 1), info(8, 2)]);
    await tick();
    t.ctx.batcher.flush();
    expect(statusOf(t.state, 7)).toBe('DISCONNECTED');
    expect(statusOf(t.state, 8)).toBe('TLS_CONNECTED');
    // No flicker back to connected and forth, and each status recorded once.
    expect(sent()).toEqual(['7:DISCONNECTED', '8:TLS_CONNECTED']);
    expect(t.recorded).toEqual([
      { deviceID: 7, status: 0 },
      { deviceID: 8, status: 2 },
    ]);
    // The next read is not overlaid any more: the list's word is final again.
    void t.feed.reload();
    await tick();
    t.reads[2]?.resolve([info(7, 1), info(8, 2)]);
    await tick();
    expect(statusOf(t.state, 7)).toBe('TCP_CONNECTED');
    t.feed.stop();
  });

  it('re-reads the lists for a device it does not know, then applies the change', async () => {
    const t = setup();
    t.feed.start();
    t.sub.push({ type: 'subscribed', resubscribed: false });
    await tick();
    t.reads[0]?.resolve([info(7, 1)]);
    await t.feed.ready;
    t.sub.push({ type: 'change', change: { deviceID: 9, status: 1, timestamp: 0 } });
    await tick();
    expect(t.reads).toHaveLength(2);
    t.reads[1]?.resolve([info(7, 1), info(9, 0)]);
    await tick();
    // Listed as DISCONNECTED by the read, then the held change (connected) applies.
    expect(statusOf(t.state, 9)).toBe('TCP_CONNECTED');
    t.ctx.batcher.flush();
    const all = t.deltas.flatMap(([, d]) => [
      ...d.added.map((a) => `added ${a.deviceID}`),
      ...d.changes.map((c) => `change ${c.deviceID}:${c.status}`),
    ]);
    expect(all).toContain('added 9');
    expect(all).toContain('change 9:TCP_CONNECTED');
    t.feed.stop();
  });

  it('goes degraded on a stream error and reconciles on resubscribe, publishing what changed', async () => {
    const t = await liveWith([info(7, 1), info(8, 1)]);

    const error = Object.assign(new Error('stream closed'), { codeName: 'UNAVAILABLE' });
    t.sub.push({ type: 'error', error: error as never, retryInMs: 10 });
    t.sub.push({ type: 'subscribed', resubscribed: true });
    await tick();
    expect(t.modes.at(-1)).toBe('degraded gw1 device status stream: UNAVAILABLE');
    // While the stream was down, 8 dropped and 7 left the managed list.
    t.reads[1]?.resolve([info(8, 0)]);
    await tick();
    expect(t.modes.at(-1)).toBe('live gw1');
    t.ctx.batcher.flush();
    expect(t.deltas).toHaveLength(1);
    expect(t.deltas[0]?.[1]).toMatchObject({
      removed: [7],
      changes: [{ deviceID: 8, status: 'DISCONNECTED' }],
    });
    t.feed.stop();
  });

  it('keeps the devices of a gateway whose list cannot be read, marking them disconnected once it is offline', async () => {
    const t = setup();
    t.feed.start();
    t.sub.push({ type: 'subscribed', resubscribed: false });
    await tick();
    t.reads[0]?.resolve([info(7, 1)]);
    await t.feed.ready;
    t.state.setGatewayConnected('gw1', true);
    void t.feed.reload();
    await tick();
    t.reads[1]?.reject(new Error('UNAVAILABLE'));
    await tick();
    expect(statusOf(t.state, 7)).toBe('TCP_CONNECTED');
    t.state.setGatewayConnected('gw1', false);
    void t.feed.reload();
    await tick();
    t.reads[2]?.reject(new Error('UNAVAILABLE'));
    await tick();
    // Kept (shown as "gateway offline"), not connected any more, and recorded so.
    expect(t.state.gateways.get('gw1')?.devices.size).toBe(1);
    expect(statusOf(t.state, 7)).toBe('DISCONNECTED');
    expect(t.recorded.at(-1)).toEqual({ deviceID: 7, status: 0 });
    t.feed.stop();
  });

  it('does not call a gateway live whose list read timed out: it stays degraded until a read succeeds', async () => {
    const t = setup();
    const feed = new TenantFeed('tenant1', ['gw1', 'gw2'], t.ctx);
    feed.start();
    t.sub.push({ type: 'subscribed', resubscribed: false });
    await tick();
    // Flags not read yet (connected: false by default): a timeout still says nothing about gw2.
    t.reads.find((r) => r.gatewayID === 'gw1')?.resolve([info(7, 1)]);
    t.reads
      .find((r) => r.gatewayID === 'gw2')
      ?.reject(Object.assign(new Error('DEADLINE_EXCEEDED'), { code: 4 }));
    await feed.ready;
    expect(t.modes).toEqual(['degraded gw1,gw2 starting', 'live gw1']);
    // Only gw2 is read again, by itself (after 1 s); it answers and goes live with its devices.
    await new Promise((r) => setTimeout(r, 1100));
    const again = t.reads.slice(2);
    expect(again.map((r) => r.gatewayID)).toEqual(['gw2']);
    again[0]?.resolve([info(8, 1)]);
    await tick();
    expect(t.modes.at(-1)).toBe('live gw1,gw2');
    expect(t.state.gateways.get('gw2')?.devices.get(8)?.status).toBe('TCP_CONNECTED');
    feed.stop();
  });

  it('stays degraded, without an unhandled rejection, when the pool closes before the lists are read', async () => {
    const t = setup();
    t.feed.start();
    t.ctx.pool.forTenant = () => {
      throw new Error('master pool is closed');
    };
    t.sub.push({ type: 'subscribed', resubscribed: false });
    await t.feed.ready;
    expect(await t.feed.reload()).toBe(false);
    // Never marked live: nothing was read.
    expect(t.modes).toEqual(['degraded gw1 starting']);
    t.feed.stop();
    expect(await t.feed.reload()).toBe(false);
  });

  it('remembers a list read before the gateway flags are known, so a gateway leaving right after a start keeps its devices listed', async () => {
    const t = setup();
    t.ctx.memory = new GatewayMemory();
    t.feed.start();
    t.sub.push({ type: 'subscribed', resubscribed: false });
    await tick();
    // The state has not learnt gw1's flag (connected: false) when its first list arrives.
    expect(t.state.gateways.get('gw1')?.connected).toBe(false);
    t.reads[0]?.resolve([info(7, 1), info(8, 0)]);
    await t.feed.ready;
    // The device stream reported the devices gone before the gateway's flag said it left.
    t.ctx.memory.wentOffline('gw1', 'tenant1', [], Date.now());
    expect(t.ctx.memory.offlineGateway('gw1')?.devices.map((d) => d.deviceID)).toEqual([7, 8]);
    t.feed.stop();
  });
});

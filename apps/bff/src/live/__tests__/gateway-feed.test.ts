// Unit test of GatewayFeed's start: the connected flags of the gateways are read with Gateway.Get
// after the stream subscribes. Until a read succeeds the flags are unknown, so the gateways stay
// degraded (never "live" with every gateway shown as disconnected) and the read is retried.
import { describe, expect, it } from 'vitest';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { GsdkError, type GatewayStatusChange, type GsdkClient } from '@cmc/gsdk';
import { createDeltaBatcher } from '../delta-batcher.ts';
import { GatewayFeed } from '../gateway-feed.ts';
import { scriptedSubscription } from './scripted-subscription.ts';
import { testHubContext } from './test-hub-context.ts';

const tick = () => new Promise((r) => setTimeout(r, 5));

function setup(failures: number) {
  const sub = scriptedSubscription<GatewayStatusChange>();
  let gets = 0;
  const client = {
    subscribeGatewayStatus: () => sub,
    gateway: {
      get: async () => {
        gets += 1;
        if (gets <= failures) throw new Error('DEADLINE_EXCEEDED');
        return {
          gatewayInfos: [
            { gatewayID: 'gw1', isConnected: true },
            { gatewayID: 'gw2', isConnected: false },
          ],
        };
      },
    },
  } as unknown as GsdkClient;
  const { ctx, state, modes } = testHubContext(client, {
    batcher: createDeltaBatcher(0, () => {}),
    history: { record: () => {}, observe: () => {} },
  });
  state.ensureGateway('gw1', 't1');
  state.ensureGateway('gw2', 't1');
  const feed = new GatewayFeed(ctx);
  return { sub, modes, state, feed, gets: () => gets };
}

describe('GatewayFeed', () => {
  it('goes live once the flags are read', async () => {
    const t = setup(0);
    t.feed.start();
    t.sub.push({ type: 'subscribed', resubscribed: false });
    await t.feed.ready;
    expect(t.modes).toEqual(['degraded gw1,gw2 starting', 'live gw1,gw2']);
    expect(t.state.gateways.get('gw1')?.connected).toBe(true);
    t.feed.stop();
  });

  it('stays degraded while Gateway.Get fails and retries it until the flags are known', async () => {
    const t = setup(2);
    t.feed.start();
    t.sub.push({ type: 'subscribed', resubscribed: false });
    await t.feed.ready;
    await tick();
    expect(t.modes).toEqual([
      'degraded gw1,gw2 starting',
      'degraded gw1,gw2 gateway connection flags not readable',
    ]);
    expect(t.state.gateways.get('gw1')?.connected).toBe(false);
    // Retried after 1 s (fails again), then after 2 s more (succeeds).
    await new Promise((r) => setTimeout(r, 3300));
    expect(t.gets()).toBe(3);
    expect(t.modes.at(-1)).toBe('live gw1,gw2');
    expect(t.modes.filter((m) => m.startsWith('live'))).toHaveLength(1);
    expect(t.state.gateways.get('gw1')?.connected).toBe(true);
    t.feed.stop();
  }, 10_000);

  it('does not call a broken stream live from a retry that was pending', async () => {
    const t = setup(1);
    t.feed.start();
    t.sub.push({ type: 'subscribed', resubscribed: false });
    await t.feed.ready;
    t.sub.push({
      type: 'error',
      error: new GsdkError(GrpcStatus.UNAVAILABLE, 'master gone', 'SubscribeGatewayStatus'),
      retryInMs: 60_000,
    });
    await new Promise((r) => setTimeout(r, 1300));
    expect(t.gets()).toBe(1);
    expect(t.modes.some((m) => m.startsWith('live'))).toBe(false);
    t.feed.stop();
  }, 10_000);
});

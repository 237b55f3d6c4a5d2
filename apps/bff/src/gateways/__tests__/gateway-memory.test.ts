import { ConnectionMode } from '@cmc/gsdk';
import { describe, expect, it } from 'vitest';
import { GatewayMemory, type RememberedDevice } from '../gateway-memory.ts';

const device = (deviceID: number, autoReconnect = true): RememberedDevice => ({
  deviceID,
  type: 1,
  connectionMode: ConnectionMode.SERVER_TO_DEVICE,
  IPAddr: `10.0.0.${deviceID % 250}`,
  port: 51211,
  status: 1,
  autoReconnect,
  useSSL: false,
});

/** One leave and return in which the master keeps only `kept` of the gateway's devices. */
function cycle(
  memory: GatewayMemory,
  live: RememberedDevice[],
  kept: RememberedDevice[],
  at: number,
) {
  memory.wentOffline('gw', 't1', live, at);
  return memory.cameBack('gw', kept, at + 1).map((d) => d.deviceID);
}

describe('GatewayMemory: re-applied connections', () => {
  it('remembers a re-applied device for a leave that comes before any list has shown it', () => {
    const memory = new GatewayMemory();
    const [a, b, saved] = [device(1), device(2, false), device(3)];
    memory.seen('gw', [a, b, saved], memory.readStarting());
    expect(cycle(memory, [a, b, saved], [saved], 10)).toEqual([1, 2]);
    memory.resolve('gw', [1, 2]);
    expect(memory.noticesFor(['gw'])).toEqual([]);
    // Left again before the live view read 1 and 2 back: only `saved` is live there.
    const lost = cycle(memory, [saved], [saved], 20);
    expect(lost.sort()).toEqual([1, 2]);
    expect(memory.lostDevices('gw').find((d) => d.deviceID === 2)?.kind).toBe('sync');
  });

  it('lets a list read that began after the re-apply speak for it, and not one that began before', () => {
    const memory = new GatewayMemory();
    const [a, saved] = [device(1), device(3)];
    memory.seen('gw', [a, saved], memory.readStarting());
    cycle(memory, [a, saved], [saved], 10);
    const before = memory.readStarting();
    memory.resolve('gw', [1]);
    // A read sent before the re-apply answers without it: device 1 stays remembered.
    memory.seen('gw', [saved], before);
    expect(cycle(memory, [saved], [saved], 20)).toEqual([1]);
    memory.resolve('gw', [1]);
    // A read sent after it that lacks device 1: someone removed it since, so it is not lost.
    memory.seen('gw', [saved], memory.readStarting());
    expect(cycle(memory, [saved], [saved], 30)).toEqual([]);
  });
});

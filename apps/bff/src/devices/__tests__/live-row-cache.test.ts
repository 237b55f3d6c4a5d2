import { describe, expect, it } from 'vitest';
import type { LiveDevice } from '@cmc/api';
import type { DeviceFacts } from '../device-row.ts';
import { liveDeviceRow, LiveRowCache } from '../live-row-cache.ts';
import { facts } from './device-facts-fixture.ts';

const device = (deviceID: number, over: Partial<LiveDevice> = {}): LiveDevice => ({
  deviceID,
  gatewayID: 'gw1',
  status: 'TCP_CONNECTED',
  type: 'BIOSTATION_L2',
  connectionMode: 'SERVER_TO_DEVICE',
  IPAddr: `10.0.0.${deviceID}`,
  port: 51211,
  useSSL: false,
  autoReconnect: true,
  ...over,
});

describe('LiveRowCache', () => {
  it('renders the row and JSON liveDeviceRow gives, and reuses them while nothing changed', () => {
    const cache = new LiveRowCache();
    const f = new Map([[1, facts()]]);
    const names = new Map([[1, 'Lobby — été']]);
    const [first] = cache.render([device(1)], f, names);
    expect(first!.row).toEqual(liveDeviceRow(device(1), facts(), 'Lobby — été'));
    expect(first!.bytes.toString()).toBe(JSON.stringify(first!.row));
    // Another object with the same fields (the hub replaced it on a re-read): same entry.
    const [again] = cache.render([device(1)], new Map([[1, facts()]]), names);
    expect(again).toBe(first);
  });

  it('rebuilds a row when anything it shows changed: a field, the facts or the name', () => {
    const cache = new LiveRowCache();
    const [base] = cache.render([device(1)], undefined, undefined);
    const changes: Array<[Partial<LiveDevice>, string, unknown]> = [
      [{ status: 'DISCONNECTED' }, 'status', 'DISCONNECTED'],
      [{ gatewayID: 'gw2' }, 'gatewayID', 'gw2'],
      [{ IPAddr: '10.9.9.9' }, 'IPAddr', '10.9.9.9'],
      [{ port: 51212 }, 'port', 51212],
      [{ type: 'XSTATION_2' }, 'type', 'XSTATION_2'],
      [{ connectionMode: 'DEVICE_TO_SERVER' }, 'connectionMode', 'DEVICE_TO_SERVER'],
      [{ useSSL: true }, 'useSSL', true],
      [{ autoReconnect: false }, 'autoReconnect', false],
    ];
    for (const [over, field, shown] of changes) {
      const [changed] = cache.render([device(1, over)], undefined, undefined);
      expect(changed!.row).toMatchObject({ [field]: shown });
      expect(JSON.parse(changed!.bytes.toString())).toMatchObject({ [field]: shown });
      expect(cache.render([device(1)], undefined, undefined)[0]!.row).toEqual(base!.row);
    }
    const shared = facts();
    cache.render([device(1)], new Map([[1, shared]]), undefined);
    // The store changing its own object in place still shows: the row kept its own values.
    shared.flapping = true;
    shared.lastFailure = 'TLS_NOT_ALLOWED' as DeviceFacts['lastFailure'];
    const [flapping] = cache.render([device(1)], new Map([[1, shared]]), undefined);
    expect(flapping!.row).toMatchObject({ flapping: true, lastFailure: 'TLS_NOT_ALLOWED' });
    const [named] = cache.render([device(1)], undefined, new Map([[1, 'Back door']]));
    expect(named!.row.name).toBe('Back door');
    const [unnamed] = cache.render([device(1)], undefined, new Map());
    expect(unnamed!.row).not.toHaveProperty('name');
    expect(unnamed!.bytes.toString()).toBe(base!.bytes.toString());
  });

  it('keeps at most `max` rows, dropping the oldest, and still answers every device', () => {
    const cache = new LiveRowCache(100);
    const all = Array.from({ length: 250 }, (_, i) => device(i + 1));
    const rows = cache.render(all, undefined, undefined);
    expect(rows.map((r) => r.row.deviceID)).toEqual(all.map((d) => d.deviceID));
    expect(cache.size).toBeLessThanOrEqual(100);
    expect(cache.size).toBeGreaterThanOrEqual(90);
    // The newest rows are the ones kept.
    const [newest] = cache.render([all[249]!], undefined, undefined);
    expect(newest).toBe(rows[249]);
    const [oldest] = cache.render([all[0]!], undefined, undefined);
    expect(oldest).not.toBe(rows[0]);
    expect(oldest!.row).toEqual(rows[0]!.row);
  });

  it('does not keep rows of a render that keeps none, but reuses the rows it has', () => {
    const cache = new LiveRowCache();
    const [kept] = cache.render([device(1)], undefined, undefined);
    const rows = cache.render([device(1), device(2), device(3)], undefined, undefined, false);
    expect(cache.size).toBe(1);
    expect(rows[0]).toBe(kept);
    expect(rows[2]!.row).toEqual(liveDeviceRow(device(3)));
    expect(rows[2]!.bytes.toString()).toBe(JSON.stringify(liveDeviceRow(device(3))));
  });

  it('forgets devices the hub no longer lists', () => {
    const cache = new LiveRowCache();
    cache.render([device(1), device(2)], undefined, undefined);
    cache.retain((id) => id === 2);
    expect(cache.size).toBe(1);
  });
});

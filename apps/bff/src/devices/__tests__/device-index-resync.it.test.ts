// Changes another master client makes carry no status event the hub could follow (a connection
// mode, an SSL setting): the device index's background re-read (deviceResyncMs, 30 s by default,
// 300 ms here) brings them into the list without anyone reading through.
import { describe, expect, it } from 'vitest';
import { ConnectionMode } from '@cmc/gsdk';
import { deviceList } from '@cmc/api';
import { until } from '../../__tests__/until.ts';
import { deviceListReads, masterClient, truth, useIndexWorld } from './device-index-world.ts';

const world = useIndexWorld(300);

describe('device index background re-read', () => {
  it('re-reads every followed gateway every deviceResyncMs while nothing happens', async () => {
    const { h } = world();
    const before = await deviceListReads(h);
    await new Promise((r) => setTimeout(r, 2000));
    // Three gateways a round, a round every 300 ms: at least three rounds in 2 s on a loaded machine.
    expect((await deviceListReads(h)) - before).toBeGreaterThanOrEqual(9);
  });

  it('shows a change made by another master client, with no request of this console', async () => {
    const { h, admin } = world();
    const device = (await truth(h, ['gateway1'])).find(
      (d) => d.status === 'TCP_CONNECTED' && d.connectionMode === 'SERVER_TO_DEVICE',
    );
    expect(device).toBeDefined();
    const other = masterClient(h, 'tenant1');
    try {
      const { deviceErrors } = await other.connectMaster.setConnectionModeMulti({
        deviceIDs: [device!.deviceID],
        connectionMode: ConnectionMode.DEVICE_TO_SERVER,
      });
      expect(deviceErrors).toEqual([]);
    } finally {
      other.close();
    }
    await until(async () => {
      const res = await admin.get(`/devices?q=${device!.deviceID}`);
      return deviceList.parse(res.body).items[0]?.connectionMode === 'DEVICE_TO_SERVER';
    }, 10_000);
  });
});

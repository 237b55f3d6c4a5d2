// The device list served from the live hub's memory (device-index.ts): it must equal the master's
// truth without reading the master per request, read through what the hub cannot vouch for, show
// the console's own changes at once (read-your-writes) and keep tenants apart. The background
// re-read is long here, so nothing but the mechanisms under test can make a change show.
import { describe, expect, it } from 'vitest';
import { deviceList } from '@cmc/api';
import { until } from '../../__tests__/until.ts';
import {
  asTruth,
  deviceListReads,
  truth,
  useIndexWorld,
  type TruthRow,
} from './device-index-world.ts';

const world = useIndexWorld(600_000);

const list = async (who: 'admin' | 'viewer', query: string) => {
  const res = await world()[who].get(`/devices?${query}`);
  expect(res.status).toBe(200);
  return deviceList.parse(res.body);
};

describe('device list from the live hub', () => {
  it('equals the simulator, in every sort, without reading the master', async () => {
    const { h } = world();
    const before = await deviceListReads(h);
    const all = await list('admin', 'pageSize=10000');
    expect(asTruth(all.items)).toEqual(await truth(h));
    expect(all.unavailableGateways).toEqual([]);
    const page2 = await list('admin', 'page=2&pageSize=5&sort=IPAddr&order=desc');
    const byIP = await list('admin', 'pageSize=10000&sort=IPAddr&order=desc');
    expect(page2.items).toEqual(byIP.items.slice(5, 10));
    expect(page2.total).toBe(all.total);
    const connected = await list('admin', 'status=TCP_CONNECTED,TLS_CONNECTED&sort=status');
    const want = (await truth(h)).filter(
      (d) => d.status === 'TCP_CONNECTED' || d.status === 'TLS_CONNECTED',
    );
    expect(connected.total).toBe(want.length);
    // status asc (TCP_CONNECTED < TLS_CONNECTED), ties by device ID.
    const sorted = [...want].sort((a, b) =>
      a.status === b.status ? a.deviceID - b.deviceID : a.status < b.status ? -1 : 1,
    );
    expect(asTruth(connected.items)).toEqual(sorted.slice(0, 50));
    const gw = await list('admin', 'gatewayID=gateway2&sort=deviceID&order=desc');
    expect(gw.items.map((d) => d.deviceID)).toEqual(
      (await truth(h, ['gateway2'])).map((d) => d.deviceID).reverse(),
    );
    const summaries = await world().admin.get('/gateways');
    expect(summaries.status).toBe(200);
    const g1 = (
      summaries.body as {
        gateways: Array<{ gatewayID: string; statusCounts: Record<string, number> }>;
      }
    ).gateways.find((g) => g.gatewayID === 'gateway1');
    const g1Truth = await truth(h, ['gateway1']);
    expect(g1?.statusCounts.TCP_CONNECTED).toBe(
      g1Truth.filter((d) => d.status === 'TCP_CONNECTED').length,
    );
    // Ten more page loads: a read per gateway per request would be 60 reads (and the requests
    // above 15 more); the hub may re-read its three lists a few times meanwhile (an unknown device,
    // a resubscribe on a loaded machine), the routes read none.
    for (let i = 0; i < 10; i++) {
      await list('admin', 'pageSize=50');
      expect((await world().admin.get('/gateways')).status).toBe(200);
    }
    expect((await deviceListReads(h)) - before).toBeLessThan(10);
  });

  it('keeps tenants apart: a tenant sees its gateways only, whatever the filter', async () => {
    const { h } = world();
    const mine = await list('viewer', 'pageSize=10000');
    expect(asTruth(mine.items)).toEqual(await truth(h, ['gateway1', 'gateway2']));
    const theirs = await list('viewer', 'q=gateway3');
    expect(theirs.total).toBe(0);
    const other = await world().viewer.get('/devices?gatewayID=gateway3');
    expect(other.status).toBe(403);
  });

  it('says where each list was cut in the live channel: the hub and each gateway’s seq', async () => {
    const { h } = world();
    const all = await list('admin', 'pageSize=10');
    expect(Object.keys(all.live?.seqs ?? {}).sort()).toEqual(['gateway1', 'gateway2', 'gateway3']);
    const mine = await list('viewer', 'pageSize=10');
    expect(Object.keys(mine.live?.seqs ?? {}).sort()).toEqual(['gateway1', 'gateway2']);
    const one = await list('admin', 'gatewayID=gateway2&pageSize=10');
    expect(Object.keys(one.live?.seqs ?? {})).toEqual(['gateway2']);
    expect(one.live?.hub).toBe(all.live?.hub);
    // A change on gateway1 goes out as a delta: the next list is cut after it.
    const before = all.live!.seqs.gateway1!;
    const device = (await truth(h, ['gateway1'])).find((d) => d.status !== 'DISCONNECTED')!;
    h.sim.control.deviceOffline(device.deviceID);
    await until(async () => {
      const now = await list('admin', `q=${device.deviceID}`);
      return now.items[0]?.status === 'DISCONNECTED' && now.live!.seqs.gateway1! > before;
    }, 10_000);
    h.sim.control.deviceOnline(device.deviceID, { now: true });
  });

  it('shows the console’s own SSL and mode changes and disconnects at once', async () => {
    const { h, admin } = world();
    const syncs = (await truth(h)).filter(
      (d) => h.sim.control.device(d.deviceID).kind === 'sync' && d.status !== 'DISCONNECTED',
    );
    expect(syncs.length).toBeGreaterThanOrEqual(2);
    const [toSSL, toDrop] = [syncs[0]!, syncs[1]!];
    // Statuses move on their own after these commands (drops, redials): they are the stream's to
    // carry and are compared once things settle, below; everything else must be right at once.
    const fields = (rows: TruthRow[]) => rows.map(({ status: _status, ...rest }) => rest);
    const whole = async () => fields(asTruth((await list('admin', 'pageSize=10000')).items));
    const master = async () => fields(await truth(h));
    // An SSL change drops the device's connection; a sync one leaves the managed list (no status
    // event says so: only a re-read does).
    const ssl = await admin.post(`/gateways/${toSSL.gatewayID}/ssl`, {
      deviceIDs: [toSSL.deviceID],
      enabled: true,
    });
    expect(ssl.body).toMatchObject({ succeeded: 1 });
    const afterSSL = await whole();
    expect(afterSSL).toEqual(await master());
    expect(afterSSL.find((d) => d.deviceID === toSSL.deviceID)).toBeUndefined();

    // Connection mode is carried by no status event at all.
    const mode = await admin.post('/gateways/gateway1/connection-mode', {
      deviceIDs: [544114232],
      mode: 'DEVICE_TO_SERVER',
    });
    expect(mode.body).toMatchObject({ succeeded: 1 });
    const moded = await list('admin', 'q=544114232');
    expect(moded.items[0]?.connectionMode).toBe('DEVICE_TO_SERVER');
    expect(await whole()).toEqual(await master());

    const sync = toDrop;
    expect(
      (await admin.post(`/gateways/${sync.gatewayID}/disconnect`, { deviceIDs: [sync.deviceID] }))
        .status,
    ).toBe(200);
    const gone = await list('admin', 'pageSize=10000');
    expect(gone.items.some((d) => d.deviceID === sync.deviceID)).toBe(false);
    expect(fields(asTruth(gone.items))).toEqual(await master());
    // And once the hub has re-read them, the lists come from memory again and still agree.
    await until(async () => {
      const before = await deviceListReads(h);
      const again = await list('admin', 'pageSize=10000');
      const same = JSON.stringify(asTruth(again.items)) === JSON.stringify(await truth(h));
      return (await deviceListReads(h)) === before && same;
    }, 10_000);
  });

  it('reads a gateway through when the hub cannot vouch for it (streams down: degraded)', async () => {
    const { h } = world();
    await h.stopSim();
    await until(() => h.bff.live.state().mode === 'degraded', 10_000);
    // Memory would still answer 200 with the old picture; read through, the master is not there.
    const res = await world().admin.get('/devices?pageSize=10');
    expect(res.status).toBe(503);
    await h.restartSim();
    await until(() => h.bff.live.state().mode === 'live', 30_000);
    const back = await list('admin', 'pageSize=10000');
    expect(asTruth(back.items)).toEqual(await truth(h));
  }, 60_000);
});

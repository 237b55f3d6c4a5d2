import { describe, expect, it } from 'vitest';
import { deviceList } from '@cmc/api';
import type { DeviceInfo } from '@cmc/gsdk';
import { DeviceRowCache } from '../device-row-cache.ts';
import { info } from './device-info-fixture.ts';
import { deviceListJson } from '../device-list-json.ts';
import { toDeviceRow, type DeviceFacts } from '../device-row.ts';
import { facts } from './device-facts-fixture.ts';

describe('DeviceRowCache', () => {
  it('renders the same rows and JSON as building them afresh', () => {
    const cache = new DeviceRowCache();
    const f = new Map([[2, facts()]]);
    const rendered = cache.render('gw1', [info(1), info(2)], f);
    expect(rendered.map((r) => r.row)).toEqual([
      toDeviceRow(info(1), 'gw1'),
      toDeviceRow(info(2), 'gw1', facts()),
    ]);
    for (const r of rendered) expect(JSON.parse(r.bytes.toString())).toEqual(r.row);
  });

  it('leaves empty facts out of the row instead of sending nulls', () => {
    const cache = new DeviceRowCache();
    const none = facts({ lastConnectedAt: null });
    const [bare, full] = cache.render(
      'gw1',
      [info(1), info(2)],
      new Map([
        [1, none],
        [
          2,
          facts({
            lastDisconnectedAt: '2026-11-27T06:01:00.000Z',
            lastFailure: 'TCP_NOT_ALLOWED',
            flapping: true,
          }),
        ],
      ]),
    );
    expect(Object.keys(bare!.row)).not.toContain('lastConnectedAt');
    expect(bare!.bytes.toString()).not.toMatch(/null|flapping|last/);
    expect(full!.row).toMatchObject({
      lastConnectedAt: '2026-11-27T06:00:00.000Z',
      lastDisconnectedAt: '2026-11-27T06:01:00.000Z',
      lastFailure: 'TCP_NOT_ALLOWED',
      flapping: true,
    });
  });

  it('reuses a row while nothing it shows changed, and rebuilds it when anything did', () => {
    const cache = new DeviceRowCache();
    const [first] = cache.render('gw1', [info(1)], undefined);
    const [again] = cache.render('gw1', [info(1)], undefined);
    expect(again).toBe(first);

    const changes: Array<[Partial<DeviceInfo>, string, unknown]> = [
      [{ status: 0 as DeviceInfo['status'] }, 'status', 'DISCONNECTED'],
      [{ useSSL: true }, 'useSSL', true],
      [{ autoReconnect: false }, 'autoReconnect', false],
      [{ connectionMode: 1 as DeviceInfo['connectionMode'] }, 'connectionMode', 'DEVICE_TO_SERVER'],
      [{ IPAddr: '10.9.9.9' }, 'IPAddr', '10.9.9.9'],
      [{ port: 51212 }, 'port', 51212],
    ];
    for (const [over, field, shown] of changes) {
      const [changed] = cache.render('gw1', [info(1, over)], undefined);
      expect(changed!.row).toMatchObject({ [field]: shown });
      expect(JSON.parse(changed!.bytes.toString())).toMatchObject({ [field]: shown });
      cache.render('gw1', [info(1)], undefined); // back to the first state for the next change
    }
  });

  it('rebuilds a row when its facts change, even if the store changed its own object in place', () => {
    const cache = new DeviceRowCache();
    const shared = facts();
    cache.render('gw1', [info(1)], new Map([[1, shared]]));
    shared.flapping = true;
    shared.lastFailure = 'TLS_NOT_ALLOWED' as DeviceFacts['lastFailure'];
    const [next] = cache.render('gw1', [info(1)], new Map([[1, shared]]));
    expect(next!.row).toMatchObject({ flapping: true, lastFailure: 'TLS_NOT_ALLOWED' });
    expect(JSON.parse(next!.bytes.toString())).toMatchObject({ flapping: true });
  });

  it('forgets devices a gateway no longer lists and gateways the master no longer has', () => {
    const cache = new DeviceRowCache();
    cache.render('gw1', [info(1), info(2)], undefined);
    cache.render('gw2', [info(3)], undefined);
    expect(cache.size).toBe(3);
    cache.render('gw1', [info(2)], undefined);
    expect(cache.size).toBe(2);
    cache.retainOnly(['gw1']);
    expect(cache.size).toBe(1);
    // A list naming a device twice still lets a device that left be forgotten.
    cache.render('gw1', [info(1), info(2)], undefined);
    cache.render('gw1', [info(1), info(1)], undefined);
    expect(cache.size).toBe(1);
  });

  it('forgets the gateways it is told are served elsewhere, and only those', () => {
    const cache = new DeviceRowCache();
    cache.render('gw1', [info(1), info(2)], undefined);
    const [kept] = cache.render('gw2', [info(3)], undefined);
    cache.forget(['gw1', 'gw9']);
    expect(cache.size).toBe(1);
    expect(cache.render('gw2', [info(3)], undefined)[0]).toBe(kept);
  });

  it('keys rows by gateway too: a device that moved shows its new gateway', () => {
    const cache = new DeviceRowCache();
    cache.render('gw1', [info(1)], undefined);
    const [moved] = cache.render('gw2', [info(1)], undefined);
    expect(moved!.row.gatewayID).toBe('gw2');
  });

  it('rebuilds a row when its display name changes, is given or is removed', () => {
    const cache = new DeviceRowCache();
    const [plain] = cache.render('gw1', [info(1)], undefined);
    expect(plain!.bytes.toString()).not.toContain('name');
    const [named] = cache.render('gw1', [info(1)], undefined, new Map([[1, 'Lobby — été']]));
    expect(named).not.toBe(plain);
    expect(named!.row).toEqual(toDeviceRow(info(1), 'gw1', undefined, 'Lobby — été'));
    expect(named!.bytes.toString()).toBe(JSON.stringify(named!.row));
    const [same] = cache.render('gw1', [info(1)], undefined, new Map([[1, 'Lobby — été']]));
    expect(same).toBe(named);
    const [renamed] = cache.render('gw1', [info(1)], undefined, new Map([[1, 'Back door']]));
    expect(renamed!.row.name).toBe('Back door');
    const [cleared] = cache.render('gw1', [info(1)], undefined, new Map());
    expect(cleared!.row).not.toHaveProperty('name');
    expect(cleared!.bytes.toString()).toBe(plain!.bytes.toString());
  });
});

describe('deviceListJson', () => {
  it('gives the text JSON.stringify gives for the same list, and it is a valid DeviceList', () => {
    const cache = new DeviceRowCache();
    const items = cache.render(
      'gw1',
      [info(1), info(2, { status: 0 as DeviceInfo['status'] })],
      undefined,
      new Map([[2, 'Entrée "B" \\ north']]),
    );
    const list = {
      items,
      total: 7,
      page: 2,
      pageSize: 2,
      // Not ASCII: the body is assembled by byte length.
      unavailableGateways: [{ gatewayID: 'gw9', error: 'GetDeviceList: "hors ligne — été"' }],
    };
    const expected = JSON.stringify({ ...list, items: items.map((r) => r.row) });
    expect(deviceListJson(list).bytes.toString()).toBe(expected);
    expect(deviceList.safeParse(JSON.parse(deviceListJson(list).bytes.toString())).success).toBe(
      true,
    );
    expect(deviceListJson({ ...list, items: [] }).bytes.toString()).toBe(
      JSON.stringify({ ...list, items: [] }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { AsyncConnectionsResponse, DeviceRow } from '@cmc/api';
import { buildSslPlan, deviceKind, planGroups, resultOf } from '../ssl-change-plan.ts';

const row = (deviceID: number, extra: Partial<DeviceRow> = {}): DeviceRow => ({
  deviceID,
  gatewayID: 'gw1',
  type: 'BIOSTATION_L2',
  IPAddr: `10.0.0.${deviceID}`,
  port: 51211,
  status: 'TCP_CONNECTED',
  connectionMode: 'SERVER_TO_DEVICE',
  useSSL: false,
  autoReconnect: false,
  ...extra,
});
const info = (deviceID: number) => ({ deviceID, IPAddr: '10.0.0.1', port: 51211, useSSL: false });
const lists: AsyncConnectionsResponse = { session: [info(2), info(3)], db: [info(3)] };

describe('SSL change plan', () => {
  const rows = [
    row(1),
    row(2, { autoReconnect: true }),
    row(3, { autoReconnect: true }),
    row(4, { connectionMode: 'DEVICE_TO_SERVER' }),
    row(5, { status: 'DISCONNECTED' }),
    row(6, { useSSL: true }),
  ];
  const plan = buildSslPlan(rows, true, () => lists);

  it('sorts devices by how they are connected and leaves alone what cannot or need not change', () => {
    expect(plan.targets.map((t) => [t.row.deviceID, t.kind, t.registration])).toEqual([
      [1, 'sync', null],
      [2, 'async', 'session'],
      [3, 'async', 'db'],
      [4, 'device-to-server', null],
    ]);
    expect(plan.skipped.map((s) => [s.row.deviceID, s.reason])).toEqual([
      [5, expect.stringMatching(/^not connected/)],
      [6, 'already SSL on: nothing to change'],
    ]);
    expect(deviceKind(row(9, { autoReconnect: true, connectionMode: 'DEVICE_TO_SERVER' }))).toBe(
      'device-to-server',
    );
  });

  it('says what happens to each kind, and that un-updated registrations will fail', () => {
    const updating = planGroups(plan, true);
    expect(updating.map((g) => [g.kind, g.devices])).toEqual([
      ['sync', '1'],
      ['async', '2 (session), 3 (saved)'],
      ['device-to-server', '4'],
    ]);
    expect(updating[0]?.text).toMatch(/leaves the managed list/);
    expect(updating[1]?.text).toMatch(/updated to SSL on in the same run.*over TLS/);
    expect(planGroups(plan, false)[1]?.text).toMatch(
      /keep SSL off.*will fail \(plain TCP not allowed/,
    );
    const off = buildSslPlan([row(2, { autoReconnect: true, useSSL: true })], false, () => lists);
    expect(planGroups(off, false)[0]?.text).toMatch(/TLS cannot connect/);
  });

  it('gives one result per device, never success beside failure', () => {
    const [sync, session, saved] = plan.targets;
    expect(
      resultOf(sync!, true, { ssl: { ok: false, message: 'device 1 is not connected' } }),
    ).toEqual({
      tone: 'bad',
      text: 'Failed: device 1 is not connected',
    });
    expect(
      resultOf(session!, true, { ssl: { ok: true }, registration: { updated: true } }).text,
    ).toBe('SSL on; session registration updated: the gateway reconnects it over TLS.');
    expect(resultOf(saved!, true, { ssl: { ok: true }, registration: 'left' })).toMatchObject({
      tone: 'warn',
      text: expect.stringMatching(/saved registration still says SSL off/),
    });
    expect(
      resultOf(saved!, true, { ssl: { ok: true }, registration: { updated: false, message: 'x' } })
        .tone,
    ).toBe('warn');
  });
});

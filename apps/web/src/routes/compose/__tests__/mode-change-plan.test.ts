import { describe, expect, it } from 'vitest';
import type { DeviceDetail } from '@cmc/api';
import { buildPlan, defaultChoices } from '../mode-change-plan.ts';

function detail(
  mode: 'SERVER_TO_DEVICE' | 'DEVICE_TO_SERVER',
  extra: Partial<DeviceDetail> = {},
): DeviceDetail {
  return {
    device: {
      deviceID: 846,
      gatewayID: 'gateway1',
      type: 'BIOSTATION_L2',
      IPAddr: '192.168.0.40',
      port: 51211,
      status: 'TCP_CONNECTED',
      connectionMode: mode,
      useSSL: true,
      autoReconnect: true,
    },
    asyncConnection: { session: null, db: null },
    acceptedByFilter: { session: false, db: false },
    slaves: { session: null, db: null },
    ...extra,
  };
}

describe('guided mode change', () => {
  it('to device-to-server: set mode, remove its async registrations, add to the filter', () => {
    const d = detail('SERVER_TO_DEVICE', {
      asyncConnection: {
        session: { deviceID: 846, IPAddr: '192.168.0.40', port: 51211, useSSL: true },
        db: { deviceID: 846, IPAddr: '192.168.0.40', port: 51211, useSSL: true },
      },
    });
    const plan = buildPlan(d, defaultChoices(d));
    expect(plan.map((s) => [s.kind, 'store' in s ? s.store : null])).toEqual([
      ['set-mode', null],
      ['remove-async', 'session'],
      ['remove-async', 'db'],
      ['accept', 'db'],
    ]);
    expect(plan[0]).toMatchObject({ mode: 'DEVICE_TO_SERVER' });
  });

  it('back to server-to-device: set mode, leave the filter, register async again with its SSL setting', () => {
    const d = detail('DEVICE_TO_SERVER', { acceptedByFilter: { session: true, db: false } });
    const plan = buildPlan(d, defaultChoices(d));
    expect(plan.map((s) => s.kind)).toEqual(['set-mode', 'unaccept', 'add-async']);
    expect(plan[2]).toMatchObject({
      store: 'session',
      IPAddr: '192.168.0.40',
      port: 51211,
      useSSL: true,
    });
  });

  it('follows the user choices: connect now instead, keep the filter', () => {
    const d = detail('DEVICE_TO_SERVER', { acceptedByFilter: { session: true, db: true } });
    const plan = buildPlan(d, {
      ...defaultChoices(d),
      removeFromFilter: [],
      reconnect: 'connect',
      IPAddr: '10.1.1.1',
      port: 6000,
    });
    expect(plan.map((s) => s.kind)).toEqual(['set-mode', 'connect']);
    expect(plan[1]?.text).toBe('Connect to it now at 10.1.1.1:6000 over SSL');
  });
});

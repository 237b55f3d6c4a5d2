import type { Scenario } from '../scenario/schema.ts';

/**
 * A small world where every device plays one role in the behaviour tests. tenant1 owns gw1 and
 * gw-off (offline at start); tenant2 owns gw2. Addresses are data only.
 */
export const D = {
  unmanaged: 101,
  sslOnly: 102,
  unreachable: 103,
  asyncSession: 104,
  asyncDB: 105,
  d2sAccepted: 106,
  d2sRefused: 107,
  sync: 108,
  spare: 109,
  spare2: 110,
  gw2Async: 201,
  gw2Spare: 202,
} as const;

export const ip = (id: number): string => (id >= 200 ? `10.0.2.${id - 200}` : `10.0.1.${id - 100}`);

export function testScenario(): Scenario {
  const dev = (
    deviceID: number,
    registration: 'none' | 'sync' | 'async' | 'asyncDB' | 'deviceToServer',
    extra: object = {},
  ) => ({
    deviceID,
    gatewayID: deviceID >= 200 ? 'gw2' : 'gw1',
    type: 'BIOSTATION_L2',
    IPAddr: ip(deviceID),
    registration,
    ...extra,
  });
  return {
    tenants: ['tenant1', 'tenant2'],
    gateways: [
      {
        gatewayID: 'gw1',
        tenantID: 'tenant1',
        subnet: '10.0.1.0/24',
        IPAddr: '10.0.1.254',
        acceptFilter: { deviceIDs: [D.d2sAccepted] },
      },
      { gatewayID: 'gw2', tenantID: 'tenant2', subnet: '10.0.2.0/24' },
      { gatewayID: 'gw-off', tenantID: 'tenant1', connected: false },
    ],
    devices: [
      dev(D.unmanaged, 'none'),
      dev(D.sslOnly, 'none', { useSSL: true, type: 'FACESTATION_F2' }),
      dev(D.unreachable, 'none', { reachable: false }),
      dev(D.asyncSession, 'async'),
      dev(D.asyncDB, 'asyncDB'),
      dev(D.d2sAccepted, 'deviceToServer'),
      dev(D.d2sRefused, 'deviceToServer'),
      dev(D.sync, 'sync', { type: 0x0d }),
      dev(D.spare, 'none'),
      dev(D.spare2, 'none'),
      dev(D.gw2Async, 'async'),
      dev(D.gw2Spare, 'none'),
    ],
  };
}

import type { Scenario } from '@cmc/master-sim';

/**
 * A small world for the client's integration tests, independent of the demo scenario: tenant1 owns
 * gw1 and gw2, tenant2 owns gw3. Device IPs are data only; nothing connects to them.
 *  gw1: 1101 async, 1102 sync, 1103/1104 unmanaged (search finds them), 1105 device-to-server and
 *       accepted, 1106 device-to-server and refused (pending), 1107 unreachable.
 *  gw2: one connected sync device per SSL / connection-mode RPC, so each acts on a fresh device;
 *       1201 has RS-485 slaves stored in the master's DB.
 */
export function testScenario(): Scenario {
  const sync = (deviceID: number, type: string, IPAddr: string, useSSL = false) => ({
    deviceID,
    gatewayID: 'gw2',
    type,
    IPAddr,
    useSSL,
    registration: 'sync' as const,
  });
  return {
    name: 'gsdk-tests',
    tenants: ['tenant1', 'tenant2'],
    gateways: [
      {
        gatewayID: 'gw1',
        tenantID: 'tenant1',
        subnet: '10.10.1.0/24',
        IPAddr: '10.10.1.2',
        acceptFilter: { deviceIDs: [1105] },
      },
      {
        gatewayID: 'gw2',
        tenantID: 'tenant1',
        subnet: '10.10.2.0/24',
        IPAddr: '10.10.2.2',
        slaves: [{ deviceID: 1201, rs485SlaveDeviceIDs: [846], db: true }],
      },
      { gatewayID: 'gw3', tenantID: 'tenant2', subnet: '10.10.3.0/24', IPAddr: '10.10.3.2' },
    ],
    devices: [
      {
        deviceID: 1101,
        gatewayID: 'gw1',
        type: 'BIOSTATION_L2',
        IPAddr: '10.10.1.11',
        registration: 'async',
      },
      {
        deviceID: 1102,
        gatewayID: 'gw1',
        type: 'BIOENTRY_W2',
        IPAddr: '10.10.1.12',
        registration: 'sync',
      },
      {
        deviceID: 1103,
        gatewayID: 'gw1',
        type: 'XSTATION_2',
        IPAddr: '10.10.1.13',
        registration: 'none',
      },
      {
        deviceID: 1104,
        gatewayID: 'gw1',
        type: 'BIOLITE_N2',
        IPAddr: '10.10.1.14',
        registration: 'none',
        useDHCP: true,
      },
      {
        deviceID: 1105,
        gatewayID: 'gw1',
        type: 'FACESTATION_F2',
        IPAddr: '10.10.1.15',
        registration: 'deviceToServer',
      },
      {
        deviceID: 1106,
        gatewayID: 'gw1',
        type: 'XPASS_D2_KEYPAD',
        IPAddr: '10.10.1.16',
        registration: 'deviceToServer',
      },
      {
        deviceID: 1107,
        gatewayID: 'gw1',
        type: 'BIOENTRY_P2',
        IPAddr: '10.10.1.17',
        registration: 'none',
        reachable: false,
      },
      sync(1201, 'CORESTATION_40', '10.10.2.11'),
      sync(1203, 'XPASS_D2', '10.10.2.13'),
      sync(1204, 'BIOLITE_N2', '10.10.2.14', true),
      sync(1205, 'BIOENTRY_W2', '10.10.2.15'),
      sync(1206, 'BIOENTRY_W2', '10.10.2.16'),
      sync(1207, 'FACESTATION_F2', '10.10.2.17', true),
      sync(1208, 'FACESTATION_F2', '10.10.2.18', true),
      sync(1209, 'XSTATION_2', '10.10.2.19'),
      sync(1210, 'XSTATION_2', '10.10.2.20'),
      sync(1211, 'XSTATION_2', '10.10.2.21'),
      {
        deviceID: 1301,
        gatewayID: 'gw3',
        type: 'BIOSTATION_L2',
        IPAddr: '10.10.3.11',
        registration: 'async',
      },
    ],
  };
}

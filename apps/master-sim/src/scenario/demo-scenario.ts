import type { Scenario } from './schema.ts';

type DemoDevice = NonNullable<Scenario['devices']>[number];

const dev = (
  gatewayID: string,
  deviceID: number,
  type: string,
  IPAddr: string,
  registration: DemoDevice['registration'],
  extra: Partial<DemoDevice> = {},
): DemoDevice => ({ gatewayID, deviceID, type, IPAddr, registration, ...extra });

/**
 * The demo world: two tenants on three device gateways, 33 devices in every state a console must
 * show — sync and async (session and DB) connections, unmanaged devices only a search finds,
 * device-to-server devices that are accepted or left pending, flaky ones, an unreachable one and
 * SSL ones. IP addresses are data only; nothing connects to them.
 */
export function demoScenario(): Scenario {
  const g1 = 'gateway1';
  const g2 = 'gateway2';
  const g3 = 'gateway3';
  return {
    name: 'demo',
    tenants: ['tenant1', 'tenant2'],
    gateways: [
      {
        gatewayID: g1,
        tenantID: 'tenant1',
        subnet: '192.168.10.0/24',
        IPAddr: '192.168.10.2',
        acceptFilter: { deviceIDs: [544114239], db: true },
      },
      {
        gatewayID: g2,
        tenantID: 'tenant1',
        subnet: '192.168.20.0/24',
        IPAddr: '192.168.20.2',
        acceptFilter: { deviceIDs: [540092585, 540092586] },
        slaves: [{ deviceID: 540092581, rs485SlaveDeviceIDs: [846, 847], db: true }],
      },
      {
        gatewayID: g3,
        tenantID: 'tenant2',
        subnet: '192.168.30.0/24',
        IPAddr: '192.168.30.2',
        acceptFilter: { deviceIDs: [939000107], db: true },
      },
    ],
    devices: [
      dev(g1, 544114231, 'BIOSTATION_L2', '192.168.10.11', 'async'),
      dev(g1, 544114232, 'BIOENTRY_W2', '192.168.10.12', 'async'),
      dev(g1, 544114233, 'BIOLITE_N2', '192.168.10.13', 'asyncDB'),
      dev(g1, 544114234, 'FACESTATION_F2', '192.168.10.14', 'asyncDB', { useSSL: true }),
      dev(g1, 544114235, 'XSTATION_2', '192.168.10.15', 'sync'),
      dev(g1, 544114236, 'BIOENTRY_P2', '192.168.10.16', 'async', { flaky: true }),
      dev(g1, 544114237, 'BIOSTATION_2', '192.168.10.17', 'none', { useDHCP: true }),
      dev(g1, 544114238, 'XPASS2', '192.168.10.18', 'none'),
      dev(g1, 544114239, 'BIOSTATION_A2', '192.168.10.19', 'deviceToServer'),
      dev(g1, 544114240, 'BIOENTRY_W3', '192.168.10.20', 'deviceToServer'),
      dev(g1, 544114241, 'CORESTATION_40', '192.168.10.21', 'async', { reachable: false }),
      dev(g1, 544114242, 'FACELITE', '192.168.10.22', 'none'),
      dev(g2, 540092578, 'BIOSTATION_3', '192.168.20.11', 'async'),
      dev(g2, 540092579, 'XPASS_D2', '192.168.20.12', 'async'),
      dev(g2, 540092580, 'FACESTATION_2', '192.168.20.13', 'asyncDB'),
      dev(g2, 540092581, 'CORESTATION_40', '192.168.20.14', 'sync'),
      dev(g2, 540092582, 'XSTATION_2_QR', '192.168.20.15', 'async', { flaky: true }),
      dev(g2, 540092583, 'BIOSTATION_2A', '192.168.20.16', 'none'),
      dev(g2, 540092584, 'IM_120', '192.168.20.17', 'none'),
      dev(g2, 540092585, 'XPASS_S3', '192.168.20.18', 'deviceToServer'),
      dev(g2, 540092586, 'BIOLITE_N2', '192.168.20.19', 'deviceToServer', { useSSL: true }),
      dev(g2, 540092587, 'BIOENTRY_W2', '192.168.20.20', 'deviceToServer'),
      dev(g2, 540092588, 'FACESTATION_F2_FP', '192.168.20.21', 'none'),
      dev(g3, 939000101, 'BIOSTATION_L2', '192.168.30.11', 'async'),
      dev(g3, 939000102, 'BIOENTRY_W2', '192.168.30.12', 'async'),
      dev(g3, 939000103, 'XPASS_D2_KEYPAD', '192.168.30.13', 'asyncDB', { useSSL: true }),
      dev(g3, 939000104, 'BIOSTATION_2', '192.168.30.14', 'async'),
      dev(g3, 939000105, 'XSTATION_2_FP', '192.168.30.15', 'sync'),
      dev(g3, 939000106, 'BIOENTRY_W3', '192.168.30.16', 'none'),
      dev(g3, 939000107, 'FACESTATION_F2', '192.168.30.17', 'deviceToServer'),
      dev(g3, 939000108, 'XPASS2_KEYPAD', '192.168.30.18', 'deviceToServer'),
      dev(g3, 939000109, 'BIOLITE_N2', '192.168.30.19', 'none'),
      dev(g3, 939000110, 'DOOR_INTERFACE_24', '192.168.30.20', 'asyncDB'),
    ],
  };
}

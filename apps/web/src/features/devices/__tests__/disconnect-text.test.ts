import { describe, expect, it } from 'vitest';
import type { DeviceDetail, DeviceRow } from '@cmc/api';
import { disconnectText } from '../components/disconnect-text.ts';

const detail = (
  device: Partial<DeviceRow>,
  extra: Partial<Omit<DeviceDetail, 'device'>> = {},
): DeviceDetail => ({
  device: {
    deviceID: 7,
    gatewayID: 'gw1',
    type: 'BIOSTATION_L2',
    IPAddr: '10.0.0.7',
    port: 51211,
    status: 'TCP_CONNECTED',
    connectionMode: 'SERVER_TO_DEVICE',
    useSSL: false,
    autoReconnect: false,
    ...device,
  },
  asyncConnection: { session: null, db: null },
  acceptedByFilter: { session: false, db: false },
  slaves: { session: null, db: null },
  ...extra,
});

describe('what a disconnect does, by how the device is connected', () => {
  it('sync: leaves the managed list, not retried', () => {
    expect(disconnectText(detail({}))).toMatch(
      /synchronously: it leaves the managed list.*not retry/,
    );
  });

  it('async: the gateway reconnects it, naming where it is registered', () => {
    const info = { deviceID: 7, IPAddr: '10.0.0.7', port: 51211, useSSL: false };
    expect(
      disconnectText(
        detail({ autoReconnect: true }, { asyncConnection: { session: info, db: info } }),
      ),
    ).toMatch(/async connection \(session and saved\): the gateway reconnects it/);
  });

  it('device-to-server: dials back in if the filter lets it, else waits in the pending list', () => {
    const accepted = detail(
      { connectionMode: 'DEVICE_TO_SERVER', autoReconnect: true },
      { acceptedByFilter: { session: true, db: false } },
    );
    expect(disconnectText(accepted)).toMatch(
      /dials the gateway again.*session accept filter lets it back in/,
    );
    expect(disconnectText(detail({ connectionMode: 'DEVICE_TO_SERVER' }))).toMatch(
      /no accept filter lists it, so it is refused and waits in the pending list of gw1/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { DeviceInfo } from '@cmc/gsdk';
import { LiveState } from '../live-state.ts';

const dev = (deviceID: number, status: number): DeviceInfo => ({
  deviceID,
  status: status as DeviceInfo['status'],
  type: 12,
  connectionMode: 0,
  IPAddr: '192.168.0.10',
  port: 51211,
  useSSL: false,
  autoReconnect: true,
});

describe('LiveState', () => {
  it('reports added devices on the first read and only differences afterwards', () => {
    const state = new LiveState();
    state.ensureGateway('gw1', 'tenant1');
    const first = state.applyDeviceList('gw1', [dev(1, 1), dev(2, 0)], 1000);
    expect(first.get('gw1')?.added.map((d) => [d.deviceID, d.status])).toEqual([
      [1, 'TCP_CONNECTED'],
      [2, 'DISCONNECTED'],
    ]);
    const second = state.applyDeviceList('gw1', [dev(1, 0), dev(3, 2)], 2000);
    expect(second.get('gw1')).toEqual({
      changes: [{ deviceID: 1, gatewayID: 'gw1', status: 'DISCONNECTED', at: 2000 }],
      added: [
        {
          deviceID: 3,
          gatewayID: 'gw1',
          status: 'TLS_CONNECTED',
          type: 'BIOSTATION_L2',
          connectionMode: 'SERVER_TO_DEVICE',
          IPAddr: '192.168.0.10',
          port: 51211,
          useSSL: false,
          autoReconnect: true,
        },
      ],
      removed: [2],
    });
    expect(state.gatewayOf(2)).toBeUndefined();
  });

  it('keeps the object of a device a re-read finds unchanged, and replaces a changed one', () => {
    const state = new LiveState();
    const gw = state.ensureGateway('gw1', 'tenant1');
    state.applyDeviceList('gw1', [dev(1, 1), dev(2, 1)], 1000);
    const [one, two] = [gw.devices.get(1)!, gw.devices.get(2)!];
    const diffs = state.applyDeviceList('gw1', [dev(1, 1), { ...dev(2, 1), port: 51212 }], 2000);
    expect(diffs.size).toBe(0);
    expect(gw.devices.get(1)).toBe(one);
    expect(gw.devices.get(2)).not.toBe(two);
    expect(gw.devices.get(2)).toMatchObject({ port: 51212, status: 'TCP_CONNECTED' });
    // A status the stream set in place is what a re-read compares with.
    state.applyChange(1, 0, 3000);
    const again = state.applyDeviceList('gw1', [dev(1, 1), { ...dev(2, 1), port: 51212 }], 4000);
    expect(again.get('gw1')?.changes).toEqual([
      { deviceID: 1, gatewayID: 'gw1', status: 'TCP_CONNECTED', at: 4000 },
    ]);
    expect(gw.devices.get(1)!.status).toBe('TCP_CONNECTED');
  });

  it('maps a streamed change to its gateway and says whether it changed anything', () => {
    const state = new LiveState();
    state.ensureGateway('gw1', 't');
    state.applyDeviceList('gw1', [dev(1, 1)], 0);
    expect(state.applyChange(1, 1, 5)?.changed).toBe(false);
    expect(state.applyChange(1, 0x101, 6)).toEqual({
      change: {
        deviceID: 1,
        gatewayID: 'gw1',
        status: 'TCP_NOT_ALLOWED',
        at: 6,
      },
      changed: true,
    });
    // A number outside connect.Status (a newer master) is not sent as a name the schema refuses.
    expect(state.applyChange(1, 0x999, 8)?.change.status).toBe('DISCONNECTED');
    expect(state.applyChange(99, 1, 7)).toBeUndefined();
  });

  it('moves a device that shows up on another gateway', () => {
    const state = new LiveState();
    state.ensureGateway('gw1', 't');
    state.ensureGateway('gw2', 't');
    state.applyDeviceList('gw1', [dev(1, 1)], 0);
    const diffs = state.applyDeviceList('gw2', [dev(1, 1)], 1);
    expect(diffs.get('gw1')?.removed).toEqual([1]);
    expect(diffs.get('gw2')?.added.map((d) => d.deviceID)).toEqual([1]);
    expect(state.gatewayOf(1)).toBe('gw2');
    expect(state.snapshot(['gw1']).devices).toEqual([]);
  });

  it('snapshots only the asked gateways, degraded when any of them is', () => {
    const state = new LiveState();
    state.ensureGateway('gw1', 't1');
    state.ensureGateway('gw2', 't2');
    state.applyDeviceList('gw1', [dev(1, 1)], 0);
    state.applyDeviceList('gw2', [dev(2, 1)], 0);
    state.setGatewayConnected('gw1', true);
    state.gateways.get('gw2')?.degradedBy.add('device-stream:t2');
    expect(state.snapshot(['gw1'])).toEqual({
      hub: state.hubID,
      mode: 'live',
      gateways: [{ gatewayID: 'gw1', connected: true, seq: 0, mode: 'live' }],
      devices: [expect.objectContaining({ deviceID: 1, gatewayID: 'gw1' })],
    });
    expect(state.snapshot(['gw1', 'gw2', 'unknown']).mode).toBe('degraded');
    expect(state.snapshot(['gw1', 'gw2', 'unknown']).gateways).toHaveLength(2);
    // Another process's picture has another name: its seqs don't compare.
    expect(new LiveState().hubID).not.toBe(state.hubID);
  });
});

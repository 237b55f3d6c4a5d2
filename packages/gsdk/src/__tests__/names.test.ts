import { describe, expect, it } from 'vitest';
import { connectionModeNames, deviceStatusNames, productTypeNames } from '@cmc/api';
import { Type } from '@cmc/protos/generated/gsdk/device/Type.ts';
import {
  ConnectionMode,
  DeviceStatus,
  DeviceType,
  GatewayStatus,
  connectionModeName,
  deviceStatusLabel,
  deviceStatusName,
  deviceTypeLabel,
  deviceTypeLabelOfName,
  deviceTypeName,
  gatewayStatusName,
  isConnectedStatus,
  isFailureStatus,
} from '../names.ts';

describe('enum value maps', () => {
  it('carry the wire values of gsdk-facts', () => {
    expect(DeviceStatus).toMatchObject({
      DISCONNECTED: 0,
      TCP_CONNECTED: 1,
      TLS_CONNECTED: 2,
      TCP_CANNOT_CONNECT: 0x100,
      TCP_NOT_ALLOWED: 0x101,
      TLS_CANNOT_CONNECT: 0x200,
      TLS_NOT_ALLOWED: 0x201,
    });
    expect(ConnectionMode).toMatchObject({ SERVER_TO_DEVICE: 0, DEVICE_TO_SERVER: 1 });
    expect(DeviceType).toMatchObject({
      BIOSTATION_L2: 0x0c,
      BIOENTRY_W2: 0x0d,
      BIOLITE_N2: 0x12,
      FACESTATION_F2: 0x1e,
      XSTATION_2: 0x20,
    });
    expect(GatewayStatus).toEqual({ DISCONNECTED: 0, CONNECTED: 1 });
  });
});

describe('deviceStatusName / deviceStatusLabel / isConnectedStatus', () => {
  it('names every status and marks unknown values', () => {
    expect(deviceStatusName(0)).toBe('DISCONNECTED');
    expect(deviceStatusName(2)).toBe('TLS_CONNECTED');
    expect(deviceStatusName(0x101)).toBe('TCP_NOT_ALLOWED');
    expect(deviceStatusName(0x201)).toBe('TLS_NOT_ALLOWED');
    expect(deviceStatusName(7)).toBe('UNKNOWN_7');
  });

  it('says each status in plain words', () => {
    expect(deviceStatusLabel(DeviceStatus.TLS_CONNECTED)).toBe('Connected (TLS)');
    expect(deviceStatusLabel(DeviceStatus.TCP_CONNECTED)).toBe('Connected (TCP)');
    expect(deviceStatusLabel(DeviceStatus.TCP_CANNOT_CONNECT)).toBe('Cannot connect (TCP)');
    expect(deviceStatusLabel(DeviceStatus.TCP_NOT_ALLOWED)).toBe('Refused: plain TCP not allowed');
    expect(deviceStatusLabel(DeviceStatus.TLS_NOT_ALLOWED)).toBe('Refused: TLS not allowed');
    expect(deviceStatusLabel(DeviceStatus.DISCONNECTED)).toBe('Disconnected');
    expect(deviceStatusLabel(999)).toBe('Unknown status (999)');
    const labels = Object.values(DeviceStatus).map(deviceStatusLabel);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('counts only TCP_CONNECTED and TLS_CONNECTED as connected', () => {
    const connected = Object.entries(DeviceStatus)
      .filter(([, value]) => isConnectedStatus(value))
      .map(([name]) => name);
    expect(connected).toEqual(['TCP_CONNECTED', 'TLS_CONNECTED']);
    expect(isConnectedStatus(3)).toBe(false);
  });

  it('counts the CANNOT_CONNECT and NOT_ALLOWED statuses as failures, nothing else', () => {
    const failures = Object.entries(DeviceStatus)
      .filter(([, value]) => isFailureStatus(value))
      .map(([name]) => name);
    expect(failures).toEqual([
      'TCP_CANNOT_CONNECT',
      'TCP_NOT_ALLOWED',
      'TLS_CANNOT_CONNECT',
      'TLS_NOT_ALLOWED',
    ]);
  });
});

describe('aliases resolve to the canonical name', () => {
  it('0 is SERVER_TO_DEVICE, not DEFAULT', () => {
    expect(connectionModeName(0)).toBe('SERVER_TO_DEVICE');
    expect(connectionModeName(1)).toBe('DEVICE_TO_SERVER');
    expect(connectionModeName(2)).toBe('UNKNOWN_2');
  });

  it('5 is XPASS_S2, not ENTRY_MAX', () => {
    expect(deviceTypeName(5)).toBe('XPASS_S2');
    expect(deviceTypeName(0x0c)).toBe('BIOSTATION_L2');
    expect(deviceTypeName(128)).toBe('RS485_SLAVE');
    expect(deviceTypeName(254)).toBe('UNKNOWN_254');
  });

  it('gateway status names', () => {
    expect(gatewayStatusName(1)).toBe('CONNECTED');
    expect(gatewayStatusName(0)).toBe('DISCONNECTED');
    expect(gatewayStatusName(9)).toBe('UNKNOWN_9');
  });
});

describe('deviceTypeLabel', () => {
  it('gives the product names', () => {
    expect(deviceTypeLabel(Type.BIOSTATION_L2)).toBe('BioStation L2');
    expect(deviceTypeLabel(Type.BIOENTRY_W2)).toBe('BioEntry W2');
    expect(deviceTypeLabel(Type.FACESTATION_F2)).toBe('FaceStation F2');
    expect(deviceTypeLabel(Type.XPASS_D2_KEYPAD)).toBe('XPass D2 Keypad');
    expect(deviceTypeLabel(Type.XSTATION_2)).toBe('X-Station 2');
    expect(deviceTypeLabel(Type.BIOLITE_N2)).toBe('BioLite N2');
    expect(deviceTypeLabel(5)).toBe('XPass S2');
    expect(deviceTypeLabel(200)).toBe('Unknown type (200)');
  });

  it('has a distinct, non-generic label for every value in device.proto', () => {
    const values = [...new Set(Object.values(Type))];
    const labels = values.map(deviceTypeLabel);
    for (const [index, label] of labels.entries()) {
      expect(label, `Type ${values[index]}`).not.toMatch(/^Unknown type \(/);
      expect(label).not.toMatch(/_/);
    }
    expect(new Set(labels).size).toBe(values.length);
  });
});

describe('deviceTypeLabelOfName', () => {
  it('gives the product name of an API type name, and an unknown name as it is', () => {
    expect(deviceTypeLabelOfName('BIOSTATION_L2')).toBe('BioStation L2');
    expect(deviceTypeLabelOfName('XSTATION_2')).toBe('X-Station 2');
    expect(deviceTypeLabelOfName('UNKNOWN_300')).toBe('UNKNOWN_300');
    expect(deviceTypeLabelOfName('toString')).toBe('toString');
  });
});

describe('the names @cmc/api declares match the protos', () => {
  it('offers every product type of device.proto once, by its canonical name', () => {
    const canonical = new Set(Object.values(DeviceType).map(deviceTypeName));
    canonical.delete('UNDEFINED');
    canonical.delete('UNKNOWN');
    expect([...productTypeNames].sort()).toEqual([...canonical].sort());
  });

  it('has every connect.Status and ConnectionMode name, and no other', () => {
    expect([...deviceStatusNames].sort()).toEqual(
      [...new Set(Object.values(DeviceStatus).map(deviceStatusName))].sort(),
    );
    expect([...connectionModeNames].sort()).toEqual(
      [...new Set(Object.values(ConnectionMode).map(connectionModeName))].sort(),
    );
  });
});

// Wire DeviceInfo (numeric enums) -> the API's DeviceRow (names + labels + history facts).
import type { DeviceRow } from '@cmc/api';
import type { DeviceInfo } from '@cmc/gsdk';
import {
  connectionModeName,
  deviceStatusLabel,
  deviceStatusName,
  deviceTypeLabel,
  deviceTypeName,
} from '@cmc/gsdk';

/** Same shape as history's DeviceFacts (docs/bff-internals.md). */
export interface DeviceFacts {
  lastConnectedAt: string | null;
  lastDisconnectedAt: string | null;
  lastFailure: string | null;
  flapping: boolean;
}

/** What device routes need from the history store (provided by the live module when present). */
export interface DeviceFactsSource {
  facts(deviceIDs: number[]): Map<number, DeviceFacts>;
}

export function toDeviceRow(info: DeviceInfo, gatewayID: string, facts?: DeviceFacts): DeviceRow {
  return {
    deviceID: info.deviceID,
    gatewayID,
    type: deviceTypeName(info.type),
    typeLabel: deviceTypeLabel(info.type),
    IPAddr: info.IPAddr,
    port: info.port,
    status: deviceStatusName(info.status) as DeviceRow['status'],
    statusLabel: deviceStatusLabel(info.status),
    connectionMode: connectionModeName(info.connectionMode) as DeviceRow['connectionMode'],
    useSSL: info.useSSL,
    autoReconnect: info.autoReconnect,
    lastConnectedAt: facts?.lastConnectedAt ?? null,
    lastDisconnectedAt: facts?.lastDisconnectedAt ?? null,
    lastFailure: (facts?.lastFailure ?? null) as DeviceRow['lastFailure'],
    flapping: facts?.flapping ?? false,
  };
}

// Numbers → names for the live channel, as precomputed tables: the one place master events become
// live changes (live-state.ts) does one Map lookup per change, and nothing runs per client. The
// names are those REST sends (@cmc/api names.ts); gsdk's names test keeps both lists equal.
import type { ConnectionMode, DeviceStatus, LiveDevice } from '@cmc/api';
import { connectionModeNames, deviceStatusNames } from '@cmc/api';
import {
  ConnectionMode as ConnectionModeValue,
  DeviceStatus as DeviceStatusValue,
  DeviceType as DeviceTypeValue,
  deviceTypeName,
  type DeviceInfo,
} from '@cmc/gsdk';
import type { RememberedDevice } from '../gateways/gateway-memory.ts';

const STATUS_BY_VALUE = new Map<number, DeviceStatus>(
  deviceStatusNames.map((name) => [DeviceStatusValue[name], name]),
);
const STATUS_VALUE = new Map<DeviceStatus, number>(
  deviceStatusNames.map((name) => [name, DeviceStatusValue[name]]),
);
const MODE_BY_VALUE = new Map<number, ConnectionMode>(
  connectionModeNames.map((name) => [ConnectionModeValue[name], name]),
);

/**
 * connect.Status name of a wire value. A value outside the enum (a master newer than our protos)
 * reads as DISCONNECTED: not known to be connected, and the socket schema admits only known names.
 * Streamed changes still reach history with the master's number.
 */
export function liveStatusOf(value: number): DeviceStatus {
  return STATUS_BY_VALUE.get(value) ?? 'DISCONNECTED';
}

/** The wire value of a status name (history stores numbers). */
export function statusValueOf(name: DeviceStatus): number {
  return STATUS_VALUE.get(name)!;
}

/** connect.ConnectionMode name; a value outside the enum reads as the proto default (0). */
export function liveModeOf(value: number): ConnectionMode {
  return MODE_BY_VALUE.get(value) ?? 'SERVER_TO_DEVICE';
}

export function toLiveDevice(gatewayID: string, info: DeviceInfo): LiveDevice {
  return {
    deviceID: info.deviceID,
    gatewayID,
    status: liveStatusOf(info.status),
    type: deviceTypeName(info.type),
    connectionMode: liveModeOf(info.connectionMode),
    IPAddr: info.IPAddr,
    port: info.port,
    useSSL: info.useSSL,
    autoReconnect: info.autoReconnect,
  };
}

/** Back to the master's numbers, for the gateway memory (rare: a gateway leaving the master). */
export function toRememberedDevice(device: LiveDevice): RememberedDevice {
  const types: Readonly<Record<string, number>> = DeviceTypeValue;
  const unknownType = /^UNKNOWN_(\d+)$/.exec(device.type);
  return {
    deviceID: device.deviceID,
    IPAddr: device.IPAddr,
    port: device.port,
    useSSL: device.useSSL,
    autoReconnect: device.autoReconnect,
    status: statusValueOf(device.status),
    type: Object.hasOwn(types, device.type) ? types[device.type]! : Number(unknownType?.[1] ?? 0),
    connectionMode: ConnectionModeValue[device.connectionMode],
  };
}

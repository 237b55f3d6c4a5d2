// Readable names for the enums that travel as numbers (the loader uses `enums: Number`). Pure data:
// importable without grpc-js, also through the `@cmc/gsdk/names` entry point.
import { Status as DeviceStatusEnum } from '@cmc/protos/generated/gsdk/connect/Status.ts';
import { ConnectionMode as ConnectionModeEnum } from '@cmc/protos/generated/gsdk/connect/ConnectionMode.ts';
import { Type as DeviceTypeEnum } from '@cmc/protos/generated/gsdk/device/Type.ts';
import { Status as GatewayStatusEnum } from '@cmc/protos/generated/gsdk/gateway/Status.ts';
import { deviceTypeLabels } from './device-type-labels.ts';
import { nameLookup } from './enum-names.ts';

/** connect.Status: name → value (DISCONNECTED 0, TCP_CONNECTED 1, …, TLS_NOT_ALLOWED 0x201). */
export const DeviceStatus = DeviceStatusEnum;
/** connect.ConnectionMode: name → value (SERVER_TO_DEVICE 0 = DEFAULT, DEVICE_TO_SERVER 1). */
export const ConnectionMode = ConnectionModeEnum;
/** device.Type: name → value (BIOSTATION_L2 0x0C, …). */
export const DeviceType = DeviceTypeEnum;
/** gateway.Status: name → value (DISCONNECTED 0, CONNECTED 1). */
export const GatewayStatus = GatewayStatusEnum;

const deviceStatusNames = nameLookup(DeviceStatus);
const connectionModeNames = nameLookup(ConnectionMode);
const deviceTypeNames = nameLookup(DeviceType);
const gatewayStatusNames = nameLookup(GatewayStatus);

function unknown(value: number): string {
  return `UNKNOWN_${value}`;
}

/** 'TCP_CONNECTED', 'TLS_NOT_ALLOWED', …; a value outside the enum → `UNKNOWN_<n>`. */
export function deviceStatusName(value: number): string {
  return deviceStatusNames.get(value) ?? unknown(value);
}

/** True for the two statuses in which the gateway holds a live session with the device. */
export function isConnectedStatus(value: number): boolean {
  return value === DeviceStatus.TCP_CONNECTED || value === DeviceStatus.TLS_CONNECTED;
}

/** The *_CANNOT_CONNECT / *_NOT_ALLOWED family (0x100 and up): the gateway tried and failed. */
export function isFailureStatus(value: number): boolean {
  return value >= DeviceStatus.TCP_CANNOT_CONNECT;
}

const deviceStatusLabels: Readonly<Record<number, string>> = {
  [DeviceStatus.DISCONNECTED]: 'Disconnected',
  [DeviceStatus.TCP_CONNECTED]: 'Connected (TCP)',
  [DeviceStatus.TLS_CONNECTED]: 'Connected (TLS)',
  [DeviceStatus.TCP_CANNOT_CONNECT]: 'Cannot connect (TCP)',
  [DeviceStatus.TCP_NOT_ALLOWED]: 'Refused: plain TCP not allowed',
  [DeviceStatus.TLS_CANNOT_CONNECT]: 'Cannot connect (TLS)',
  [DeviceStatus.TLS_NOT_ALLOWED]: 'Refused: TLS not allowed',
};

/** Plain words for a device status, e.g. "Connected (TLS)", "Refused: plain TCP not allowed". */
export function deviceStatusLabel(value: number): string {
  return deviceStatusLabels[value] ?? `Unknown status (${value})`;
}

/** 'SERVER_TO_DEVICE' (never the alias DEFAULT) or 'DEVICE_TO_SERVER'. */
export function connectionModeName(value: number): string {
  return connectionModeNames.get(value) ?? unknown(value);
}

/** 'BIOSTATION_L2', 'XPASS_S2' (never the alias ENTRY_MAX), …; unknown → `UNKNOWN_<n>`. */
export function deviceTypeName(value: number): string {
  return deviceTypeNames.get(value) ?? unknown(value);
}

/** Product name: "BioStation L2", "XPass D2 Keypad", "X-Station 2"; unknown → "Unknown type (n)". */
export function deviceTypeLabel(value: number): string {
  const name = deviceTypeNames.get(value);
  return name === undefined ? `Unknown type (${value})` : deviceTypeLabels[name];
}

/**
 * Product name for a type name as the API sends it: 'BIOSTATION_L2' → "BioStation L2". A name our
 * protos do not know (the BFF sends 'UNKNOWN_<n>' for a newer device type) is returned as it is.
 */
export function deviceTypeLabelOfName(name: string): string {
  const labels: Readonly<Record<string, string>> = deviceTypeLabels;
  return Object.hasOwn(labels, name) ? labels[name]! : name;
}

/** 'CONNECTED' or 'DISCONNECTED'. */
export function gatewayStatusName(value: number): string {
  return gatewayStatusNames.get(value) ?? unknown(value);
}

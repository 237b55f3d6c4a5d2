import { z } from 'zod';

/** connect.Status names (the BFF converts the wire numbers with @cmc/gsdk's name maps). */
export const deviceStatusNames = [
  'DISCONNECTED',
  'TCP_CONNECTED',
  'TLS_CONNECTED',
  'TCP_CANNOT_CONNECT',
  'TCP_NOT_ALLOWED',
  'TLS_CANNOT_CONNECT',
  'TLS_NOT_ALLOWED',
] as const;
export const deviceStatus = z.enum(deviceStatusNames);
export type DeviceStatus = z.infer<typeof deviceStatus>;

export const connectedStatuses: readonly DeviceStatus[] = ['TCP_CONNECTED', 'TLS_CONNECTED'];
export const failureStatuses: readonly DeviceStatus[] = [
  'TCP_CANNOT_CONNECT',
  'TCP_NOT_ALLOWED',
  'TLS_CANNOT_CONNECT',
  'TLS_NOT_ALLOWED',
];

export const connectionModeNames = ['SERVER_TO_DEVICE', 'DEVICE_TO_SERVER'] as const;
export const connectionMode = z.enum(connectionModeNames);
export type ConnectionMode = z.infer<typeof connectionMode>;

/**
 * gsdk.device.Type name, e.g. 'BIOSTATION_L2'. Kept as a pattern rather than an enum so a device
 * type newer than our protos still shows (the BFF sends 'TYPE_<n>' for unknown numbers).
 */
export const deviceTypeName = z
  .string()
  .regex(/^[A-Z0-9_]+$/, { message: 'must be a device type name such as BIOSTATION_L2' });

export const role = z.enum(['admin', 'tenant']);
export type Role = z.infer<typeof role>;

/** Where a setting lives on the master: `session` is lost when the device gateway reconnects, `db` is re-applied. */
export const store = z.enum(['session', 'db']);
export type Store = z.infer<typeof store>;

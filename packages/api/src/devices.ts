import { z } from 'zod';
import { deviceID, deviceIDParam, gatewayID, intParam, ipv4, isoTime, port } from './common.ts';
import { liveCutSchema } from './live.ts';
import { connectionMode, deviceStatus, deviceTypeName } from './names.ts';

/**
 * One managed device. Labels for the names are the client's business (`labels.ts`), and the
 * connection-history facts are omitted while the BFF has none, so a 10,000-row list carries data,
 * not nulls (docs/decisions.md, "Device rows").
 */
export const deviceRow = z.object({
  deviceID,
  gatewayID,
  /** Display name an administrator gave the device (device-labels); omitted when none. */
  name: z.string().optional(),
  type: deviceTypeName,
  IPAddr: z.string(),
  port: z.number().int(),
  status: deviceStatus,
  connectionMode,
  useSSL: z.boolean(),
  autoReconnect: z.boolean(),
  /** Omitted until the BFF has seen the device connect. */
  lastConnectedAt: isoTime.optional(),
  /** Omitted until the BFF has seen the device disconnect. */
  lastDisconnectedAt: isoTime.optional(),
  /** Last failure status name, e.g. 'TCP_NOT_ALLOWED'; omitted when none was recorded. */
  lastFailure: deviceStatus.optional(),
  /** true while the device flaps; omitted otherwise. */
  flapping: z.literal(true).optional(),
  /**
   * true: the device's gateway is offline; the row is the device as last seen before the gateway
   * dropped and its status is unknown. Omitted otherwise.
   */
  gatewayOffline: z.literal(true).optional(),
});
export type DeviceRow = z.infer<typeof deviceRow>;

export const deviceSortFields = [
  'deviceID',
  'gatewayID',
  'type',
  'IPAddr',
  'status',
  'connectionMode',
  'useSSL',
  'lastConnectedAt',
] as const;

/** Query of GET /devices: comma-separated lists for the multi-value filters. */
export const deviceListQuery = z.object({
  gatewayID: gatewayID.optional(),
  status: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',') : undefined))
    .pipe(z.array(deviceStatus).optional()),
  mode: connectionMode.optional(),
  ssl: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  type: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',') : undefined))
    .pipe(z.array(deviceTypeName).optional()),
  /** Free text matched against device ID, display name, IP address, type and gateway ID. */
  q: z.string().max(100, { message: 'must be at most 100 characters' }).optional(),
  sort: z.enum(deviceSortFields).optional().default('deviceID'),
  order: z.enum(['asc', 'desc']).optional().default('asc'),
  page: intParam(1, 1_000_000, 1),
  /** Up to 10,000 so "show all" is possible when asked for. */
  pageSize: intParam(1, 10_000, 50),
});
export type DeviceListQuery = z.input<typeof deviceListQuery>;
export type DeviceListQueryParsed = z.output<typeof deviceListQuery>;

export const deviceList = z.object({
  items: z.array(deviceRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Gateways whose device list could not be read (offline, unavailable): shown, not hidden. */
  unavailableGateways: z.array(z.object({ gatewayID, error: z.string() })),
  /** Where this list was cut in the live channel; omitted by a BFF without a live hub. */
  live: liveCutSchema.optional(),
});
export type DeviceList = z.infer<typeof deviceList>;

export const deviceParams = z.object({ deviceID: deviceIDParam });

export const asyncConnectInfo = z.object({
  deviceID,
  IPAddr: ipv4,
  port,
  useSSL: z.boolean(),
});
export type AsyncConnectInfo = z.infer<typeof asyncConnectInfo>;

export const slaveDeviceInfo = z.object({
  deviceID,
  rs485SlaveDeviceIDs: z.array(deviceID).max(64, { message: 'must list at most 64 slave devices' }),
  wiegandSlaveDeviceIDs: z
    .array(deviceID)
    .max(64, { message: 'must list at most 64 slave devices' }),
});
export type SlaveDeviceInfo = z.infer<typeof slaveDeviceInfo>;

export const deviceDetail = z.object({
  device: deviceRow,
  /** Async registration of this device, by where it is stored; null when not registered there. */
  asyncConnection: z.object({
    session: asyncConnectInfo.nullable(),
    db: asyncConnectInfo.nullable(),
  }),
  /** Whether the accept filter lets it dial in (allowAll or listed). */
  acceptedByFilter: z.object({ session: z.boolean(), db: z.boolean() }),
  slaves: z.object({ session: slaveDeviceInfo.nullable(), db: slaveDeviceInfo.nullable() }),
});
export type DeviceDetail = z.infer<typeof deviceDetail>;

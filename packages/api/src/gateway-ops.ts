import { z } from 'zod';
import {
  deviceID,
  deviceIDList,
  gatewayID,
  ipv4,
  isoTime,
  MAX_DEVICE_IDS_PER_CALL,
  port,
  subnetMask,
} from './common.ts';
import { asyncConnectInfo, slaveDeviceInfo } from './devices.ts';
import { connectionMode, deviceTypeName, store } from './names.ts';

// ---- search -------------------------------------------------------------------------------
export const SEARCH_TIMEOUT_MIN_MS = 500;
export const SEARCH_TIMEOUT_MAX_MS = 60_000;

export const searchRequest = z.object({
  timeoutMs: z
    .number({ message: 'must be a number of milliseconds' })
    .int({ message: 'must be an integer' })
    .min(SEARCH_TIMEOUT_MIN_MS, { message: `must be at least ${SEARCH_TIMEOUT_MIN_MS} ms` })
    .max(SEARCH_TIMEOUT_MAX_MS, { message: `must be at most ${SEARCH_TIMEOUT_MAX_MS} ms` })
    .default(5000),
});
export type SearchRequest = z.input<typeof searchRequest>;

export const searchedDevice = z.object({
  deviceID,
  type: deviceTypeName,
  useDHCP: z.boolean(),
  connectionMode,
  IPAddr: z.string(),
  port: z.number().int(),
  useSSL: z.boolean(),
  serverAddr: z.string(),
  /** True when the device is already in the gateway's managed list. */
  managed: z.boolean(),
});
export type SearchedDevice = z.infer<typeof searchedDevice>;
export const searchResponse = z.object({ gatewayID, devices: z.array(searchedDevice) });
export type SearchResponse = z.infer<typeof searchResponse>;

// ---- sync connect -------------------------------------------------------------------------
export const connectRequest = z.object({
  IPAddr: ipv4,
  port: port.default(51211),
  useSSL: z.boolean().default(false),
});
export type ConnectRequest = z.input<typeof connectRequest>;
export const connectResponse = z.object({ deviceID });
export type ConnectResponse = z.infer<typeof connectResponse>;

// ---- async connections --------------------------------------------------------------------
/**
 * `session`: registered with AddAsyncConnection (the master has no getter: these are the managed
 * devices with autoReconnect set); `db`: GetAsyncConnectionDB, re-applied when the gateway reconnects.
 */
export const asyncConnectionsResponse = z.object({
  session: z.array(asyncConnectInfo),
  db: z.array(asyncConnectInfo),
  /** Why the session list could not be read (e.g. the gateway is offline); `session` is then empty. */
  sessionError: z.string().optional(),
});
export type AsyncConnectionsResponse = z.infer<typeof asyncConnectionsResponse>;

export const addAsyncConnectionsRequest = z.object({
  connectInfos: z
    .array(asyncConnectInfo)
    .min(1, { message: 'must list at least one device' })
    .max(MAX_DEVICE_IDS_PER_CALL, {
      message: `must list at most ${MAX_DEVICE_IDS_PER_CALL} devices`,
    })
    .refine((infos) => new Set(infos.map((i) => i.deviceID)).size === infos.length, {
      message: 'must not list a device ID twice',
    }),
});
export type AddAsyncConnectionsRequest = z.infer<typeof addAsyncConnectionsRequest>;

export const deviceIDsRequest = z.object({ deviceIDs: deviceIDList });
export type DeviceIDsRequest = z.infer<typeof deviceIDsRequest>;

// ---- accept filter ------------------------------------------------------------------------
export const acceptFilter = z.object({
  allowAll: z.boolean(),
  deviceIDs: z.array(deviceID).max(MAX_DEVICE_IDS_PER_CALL, {
    message: `must list at most ${MAX_DEVICE_IDS_PER_CALL} device IDs`,
  }),
  /** Stored and returned by the gateway, but the G-SDK marks them "not yet supported": only allowAll and deviceIDs decide. */
  IPAddrs: z.array(ipv4).max(256, { message: 'must list at most 256 addresses' }),
  subnetMasks: z.array(subnetMask).max(256, { message: 'must list at most 256 masks' }),
});
export type AcceptFilter = z.infer<typeof acceptFilter>;

export const acceptFilterResponse = z.object({ session: acceptFilter, db: acceptFilter });
export type AcceptFilterResponse = z.infer<typeof acceptFilterResponse>;

export const setAcceptFilterRequest = z.object({ filter: acceptFilter });
export type SetAcceptFilterRequest = z.infer<typeof setAcceptFilterRequest>;

const acceptListChange = z
  .array(deviceID)
  .max(MAX_DEVICE_IDS_PER_CALL, {
    message: `must list at most ${MAX_DEVICE_IDS_PER_CALL} device IDs`,
  })
  .default([]);

/**
 * Adds device IDs to (and/or removes them from) one store's accept filter in one server-side step,
 * so two administrators accepting different devices at once both land (no read-modify-write in
 * the browser).
 */
export const changeAcceptedDevicesRequest = z
  .object({ store, add: acceptListChange, remove: acceptListChange })
  .refine((b) => b.add.length + b.remove.length > 0, {
    message: 'must list at least one device ID to add or remove',
    path: ['add'],
  })
  .refine((b) => !b.add.some((id) => b.remove.includes(id)), {
    message: 'must not add and remove the same device ID',
    path: ['remove'],
  });
export type ChangeAcceptedDevicesRequest = z.input<typeof changeAcceptedDevicesRequest>;

export const pendingDevice = z.object({
  deviceID,
  type: deviceTypeName,
  IPAddr: z.string(),
  lastTry: isoTime,
});
export type PendingDevice = z.infer<typeof pendingDevice>;
export const pendingResponse = z.object({ devices: z.array(pendingDevice) });
export type PendingResponse = z.infer<typeof pendingResponse>;

// ---- multi commands -----------------------------------------------------------------------
/** One entry per requested device: a partial failure is reported per device, never swallowed. */
export const deviceResult = z.object({
  deviceID,
  ok: z.boolean(),
  /** err.ErrorResponse code from the master, when it failed. */
  code: z.number().int().optional(),
  message: z.string().optional(),
});
export type DeviceResult = z.infer<typeof deviceResult>;
export const multiResponse = z.object({
  results: z.array(deviceResult),
  succeeded: z.number().int(),
  failed: z.number().int(),
});
export type MultiResponse = z.infer<typeof multiResponse>;

export const connectionModeRequest = z.object({ deviceIDs: deviceIDList, mode: connectionMode });
export type ConnectionModeRequest = z.infer<typeof connectionModeRequest>;

export const sslRequest = z.object({ deviceIDs: deviceIDList, enabled: z.boolean() });
export type SslRequest = z.infer<typeof sslRequest>;

// ---- slave devices ------------------------------------------------------------------------
export const slaveDevicesResponse = z.object({
  session: z.array(slaveDeviceInfo),
  db: z.array(slaveDeviceInfo),
});
export type SlaveDevicesResponse = z.infer<typeof slaveDevicesResponse>;

export const setSlaveDevicesRequest = z.object({
  slaveDeviceInfos: z.array(slaveDeviceInfo).max(MAX_DEVICE_IDS_PER_CALL, {
    message: `must list at most ${MAX_DEVICE_IDS_PER_CALL} devices`,
  }),
});
export type SetSlaveDevicesRequest = z.infer<typeof setSlaveDevicesRequest>;

export const gatewayRef = z.object({ gatewayID });

import {
  ConnectionMode,
  type ConnectionMode__Output,
} from '@cmc/protos/generated/gsdk/connect/ConnectionMode.ts';
import { Status, type Status__Output } from '@cmc/protos/generated/gsdk/connect/Status.ts';
import type { Type__Output } from '@cmc/protos/generated/gsdk/device/Type.ts';
import {
  Status as GatewayStatus,
  type Status__Output as GatewayStatus__Output,
} from '@cmc/protos/generated/gsdk/gateway/Status.ts';

/** Enum values come from the generated protos, the one source of truth. */
export { GatewayStatus, Status };
export const Mode = ConnectionMode;

export type DeviceStatus = Status__Output;
export type DeviceType = Type__Output;
export type Mode = ConnectionMode__Output;
export type GatewayStatusValue = GatewayStatus__Output;

/** How a managed device got onto its gateway's list. */
export type Kind = 'sync' | 'async' | 'device-to-server';

export interface Device {
  deviceID: number;
  gatewayID: string;
  type: DeviceType;
  IPAddr: string;
  port: number;
  connectionMode: Mode;
  /** The device's own SSL setting (what EnableSSL/DisableSSL change). */
  useSSL: boolean;
  useDHCP: boolean;
  /** false: nothing answers at its address, ever (scenario setting). */
  reachable: boolean;
  flaky: boolean;
  /** On the network right now (control API offline/online, flaky devices). */
  online: boolean;
  status: DeviceStatus;
  managed: boolean;
  kind: Kind | null;
  autoReconnect: boolean;
  /** Registered for async connection by an ID no device in the world has. */
  phantom: boolean;
  /** Gateway side: next async connection attempt. */
  retryTimer?: NodeJS.Timeout | undefined;
  /** Device side: next device-to-server dial. */
  dialTimer?: NodeJS.Timeout | undefined;
  flakyTimer?: NodeJS.Timeout | undefined;
}

export interface AsyncRegistration {
  deviceID: number;
  IPAddr: string;
  port: number;
  useSSL: boolean;
}

export interface AcceptFilter {
  allowAll: boolean;
  deviceIDs: number[];
  IPAddrs: string[];
  subnetMasks: string[];
}

export interface PendingDevice {
  deviceID: number;
  type: DeviceType;
  IPAddr: string;
  lastTry: number;
}

export interface SlaveDevices {
  deviceID: number;
  rs485SlaveDeviceIDs: number[];
  wiegandSlaveDeviceIDs: number[];
}

export interface Gateway {
  gatewayID: string;
  tenantID: string | null;
  connected: boolean;
  subnet: string;
  IPAddr: string;
  /** Every device on this gateway's network, managed or not. */
  deviceIDs: Set<number>;
  /** `IP:port` → deviceID, for Connect and async attempts. */
  byAddr: Map<string, number>;
  /** Registrations in force now; `db` says whether the master's database holds it too. */
  asyncActive: Map<number, { reg: AsyncRegistration; db: boolean }>;
  asyncDB: Map<number, AsyncRegistration>;
  /** The filter in force; null = the default, which accepts nobody. */
  filter: AcceptFilter | null;
  filterDB: AcceptFilter | null;
  pending: Map<number, PendingDevice>;
  slaves: Map<number, SlaveDevices>;
  slavesDB: Map<number, SlaveDevices>;
}

export interface DeviceStatusEvent {
  deviceID: number;
  gatewayID: string;
  status: DeviceStatus;
  timestamp: number;
}

export interface GatewayStatusEvent {
  gatewayID: string;
  status: GatewayStatusValue;
  timestamp: number;
}

/** What `onEmit` listeners get: the change plus its high-resolution emit time (ms since epoch). */
export interface EmittedStatus extends DeviceStatusEvent {
  emittedAt: number;
}

export const isConnectedStatus = (status: DeviceStatus): boolean =>
  status === Status.TCP_CONNECTED || status === Status.TLS_CONNECTED;

export const connectedStatus = (useSSL: boolean): DeviceStatus =>
  useSSL ? Status.TLS_CONNECTED : Status.TCP_CONNECTED;

export const emptyFilter = (): AcceptFilter => ({
  allowAll: false,
  deviceIDs: [],
  IPAddrs: [],
  subnetMasks: [],
});

export const cloneFilter = (f: AcceptFilter): AcceptFilter => ({
  allowAll: f.allowAll,
  deviceIDs: [...f.deviceIDs],
  IPAddrs: [...f.IPAddrs],
  subnetMasks: [...f.subnetMasks],
});

export const cloneSlaves = (s: SlaveDevices): SlaveDevices => ({
  deviceID: s.deviceID,
  rs485SlaveDeviceIDs: [...s.rs485SlaveDeviceIDs],
  wiegandSlaveDeviceIDs: [...s.wiegandSlaveDeviceIDs],
});

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

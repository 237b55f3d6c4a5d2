import { failedPrecondition, invalidArgument, notFound } from '../errors.ts';
import { Mode, type Device, type Gateway } from '../world/model.ts';
import type { Churn } from '../world/churn.ts';
import type { SubscriberStats } from '../world/status-hub.ts';
import {
  deviceOffline,
  deviceOnline,
  gatewayOffline,
  gatewayOnline,
} from '../world/network-events.ts';
import { dialIn, type DialResult } from '../world/reconnect.ts';
import type { World } from '../world/world.ts';

export interface DeviceState {
  deviceID: number;
  gatewayID: string;
  type: number;
  IPAddr: string;
  port: number;
  connectionMode: number;
  useSSL: boolean;
  reachable: boolean;
  online: boolean;
  flaky: boolean;
  /** Numeric connect.Status. */
  status: number;
  managed: boolean;
  kind: 'sync' | 'async' | 'device-to-server' | null;
  autoReconnect: boolean;
}

export interface GatewayState {
  gatewayID: string;
  tenantID: string | null;
  connected: boolean;
  /** Every device on the gateway's network (managed or not). */
  deviceIDs: number[];
}

export interface SimState {
  gateways: GatewayState[];
  devices: DeviceState[];
  acceptFilters: Record<string, { session: unknown; db: unknown }>;
  pending: Record<string, { deviceID: number; type: number; IPAddr: string; lastTry: number }[]>;
  asyncConnections: Record<string, { session: unknown[]; db: unknown[] }>;
}

/** The control API's operations, in-process (the HTTP control API calls exactly these). */
export interface SimControl {
  state(): SimState;
  device(deviceID: number): DeviceState;
  deviceOffline(deviceID: number): DeviceState;
  deviceOnline(deviceID: number, options?: { now?: boolean }): DeviceState;
  gatewayOffline(gatewayID: string): GatewayState;
  gatewayOnline(gatewayID: string): GatewayState;
  dialIn(deviceID: number): { result: DialResult; device: DeviceState };
  setChurn(changesPerSecond: number): { changesPerSecond: number };
  breakStreams(): { deviceStreams: number; gatewayStreams: number };
  streams(): { device: SubscriberStats[]; gateway: SubscriberStats[] };
}

export const MAX_CHURN_RATE = 100_000;

function deviceState(d: Device): DeviceState {
  return {
    deviceID: d.deviceID,
    gatewayID: d.gatewayID,
    type: d.type,
    IPAddr: d.IPAddr,
    port: d.port,
    connectionMode: d.connectionMode,
    useSSL: d.useSSL,
    reachable: d.reachable,
    online: d.online,
    flaky: d.flaky,
    status: d.status,
    managed: d.managed,
    kind: d.kind,
    autoReconnect: d.autoReconnect,
  };
}

function gatewayState(g: Gateway): GatewayState {
  return {
    gatewayID: g.gatewayID,
    tenantID: g.tenantID,
    connected: g.connected,
    deviceIDs: [...g.deviceIDs],
  };
}

export function createSimControl(world: World, churn: Churn): SimControl {
  const device = (id: number): Device => {
    if (!Number.isInteger(id) || id <= 0 || id > 0xffffffff)
      throw invalidArgument(`device ID must be a number 1..4294967295, got ${id}`);
    const d = world.devices.get(id);
    if (!d) throw notFound(`device ${id} not found`);
    return d;
  };
  const gateway = (id: string): Gateway => {
    const g = world.gateways.get(id);
    if (!g) throw notFound(`gateway ${id} not found`);
    return g;
  };
  return {
    state() {
      const gateways = [...world.gateways.values()];
      return {
        gateways: gateways.map(gatewayState),
        devices: [...world.devices.values()].map(deviceState),
        acceptFilters: Object.fromEntries(
          gateways.map((g) => [g.gatewayID, { session: g.filter, db: g.filterDB }]),
        ),
        pending: Object.fromEntries(gateways.map((g) => [g.gatewayID, [...g.pending.values()]])),
        asyncConnections: Object.fromEntries(
          gateways.map((g) => [
            g.gatewayID,
            {
              session: [...g.asyncActive.values()].filter((a) => !a.db).map((a) => a.reg),
              db: [...g.asyncDB.values()],
            },
          ]),
        ),
      };
    },
    device: (id) => deviceState(device(id)),
    deviceOffline(id) {
      const d = device(id);
      deviceOffline(world, d);
      return deviceState(d);
    },
    deviceOnline(id, options) {
      const d = device(id);
      deviceOnline(world, d, options?.now === true);
      return deviceState(d);
    },
    gatewayOffline(id) {
      const g = gateway(id);
      gatewayOffline(world, g);
      return gatewayState(g);
    },
    gatewayOnline(id) {
      const g = gateway(id);
      gatewayOnline(world, g);
      return gatewayState(g);
    },
    dialIn(id) {
      const d = device(id);
      if (d.connectionMode !== Mode.DEVICE_TO_SERVER)
        throw failedPrecondition(
          `device ${id} is in SERVER_TO_DEVICE mode; only DEVICE_TO_SERVER devices dial in`,
        );
      if (!d.online || !d.reachable)
        throw failedPrecondition(`device ${id} is offline or unreachable and cannot dial`);
      if (!world.gateways.get(d.gatewayID)!.connected)
        throw failedPrecondition(`gateway ${d.gatewayID} is offline; device ${id} cannot reach it`);
      const result = dialIn(world, d);
      return { result, device: deviceState(d) };
    },
    setChurn(rate) {
      if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > MAX_CHURN_RATE)
        throw invalidArgument(`changesPerSecond must be a number from 0 to ${MAX_CHURN_RATE}`);
      churn.set(rate);
      return { changesPerSecond: rate };
    },
    breakStreams() {
      return {
        deviceStreams: world.deviceHub.breakAll('status stream broken by the control API'),
        gatewayStreams: world.gatewayHub.breakAll('status stream broken by the control API'),
      };
    },
    streams: () => ({ device: world.deviceHub.stats(), gateway: world.gatewayHub.stats() }),
  };
}

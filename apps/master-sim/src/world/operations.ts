import { status } from '@grpc/grpc-js';
import { SimError, failedPrecondition, notFound } from '../errors.ts';
import { attemptOutbound } from './connection-rules.ts';
import {
  Mode,
  Status,
  connectedStatus,
  type AsyncRegistration,
  type Device,
  type DeviceStatus,
  type DeviceType,
  type Gateway,
  type Mode as ModeValue,
} from './model.ts';
import { requireAllInDB, requireConnectedDevice, requireOnline } from './preconditions.ts';
import { dropConnection, registerAsync, scheduleDial, unregisterAsync } from './reconnect.ts';
import type { World } from './world.ts';

/**
 * The ConnectMaster connection behaviours on already-validated, already-authorised arguments (the
 * settings a gateway keeps are in gateway-settings.ts). Each throws a SimError with the status a
 * real gateway answers with; the gRPC layer adds tenancy and argument checks in front.
 */

/** Synchronous Connect: the device joins the managed list with autoReconnect=false. */
export function connectSync(
  world: World,
  gw: Gateway,
  info: { IPAddr: string; port: number; useSSL: boolean },
): number {
  requireOnline(gw);
  const r = attemptOutbound(world, gw, { deviceID: 0, ...info });
  if (!r.ok) {
    // The device the gateway reached (if any) reports the failure on the status stream too.
    if (r.device) world.setStatus(r.device, r.status);
    const code = r.reason.startsWith('no device answers')
      ? status.UNAVAILABLE
      : status.FAILED_PRECONDITION;
    throw new SimError(code, `cannot connect to ${info.IPAddr}:${info.port}: ${r.reason}`);
  }
  const dev = r.device;
  if (world.isConnected(dev)) return dev.deviceID;
  if (dev.kind === 'async')
    throw failedPrecondition(
      `device ${dev.deviceID} is registered for async connection; the gateway retries it by itself`,
    );
  world.makeManaged(dev, 'sync', false, connectedStatus(info.useSSL));
  return dev.deviceID;
}

export function addAsync(world: World, gw: Gateway, regs: AsyncRegistration[], db: boolean): void {
  for (const reg of regs) {
    const existing = world.devices.get(reg.deviceID);
    if (existing && existing.gatewayID !== gw.gatewayID)
      throw failedPrecondition(
        `device ${reg.deviceID} is on gateway ${existing.gatewayID}, not ${gw.gatewayID}`,
      );
  }
  if (!db) requireOnline(gw);
  for (const reg of regs) {
    if (db) gw.asyncDB.set(reg.deviceID, { ...reg });
    if (gw.connected) {
      // A changed registration (e.g. useSSL after EnableSSL) replaces the old one and reconnects with it.
      const before = gw.asyncActive.get(reg.deviceID);
      const dev = world.devices.get(reg.deviceID);
      if (
        before &&
        dev &&
        world.isConnected(dev) &&
        (before.reg.IPAddr !== reg.IPAddr ||
          before.reg.port !== reg.port ||
          before.reg.useSSL !== reg.useSSL)
      )
        unregisterAsync(world, gw, reg.deviceID);
      registerAsync(world, gw, { ...reg }, db || before?.db === true);
    }
  }
}

export function deleteAsync(world: World, gw: Gateway, deviceIDs: number[]): void {
  requireOnline(gw);
  for (const id of deviceIDs)
    if (!gw.asyncActive.has(id))
      throw notFound(`device ${id} has no async connection on gateway ${gw.gatewayID}`);
  for (const id of deviceIDs) unregisterAsync(world, gw, id);
}

export function deleteAsyncDB(world: World, gw: Gateway, deviceIDs: number[]): void {
  requireAllInDB(gw, gw.asyncDB, deviceIDs, 'async connection');
  for (const id of deviceIDs) {
    gw.asyncDB.delete(id);
    if (gw.asyncActive.get(id)?.db) unregisterAsync(world, gw, id);
  }
}

export function getAsyncDB(gw: Gateway): AsyncRegistration[] {
  return [...gw.asyncDB.values()].map((r) => ({ ...r }));
}

export interface DeviceInfoOut {
  deviceID: number;
  type: DeviceType;
  connectionMode: ModeValue;
  IPAddr: string;
  port: number;
  status: DeviceStatus;
  autoReconnect: boolean;
  useSSL: boolean;
}

export function deviceInfo(world: World, dev: Device): DeviceInfoOut {
  const reg = world.asyncRegistration(dev);
  return {
    deviceID: dev.deviceID,
    type: dev.type,
    connectionMode: dev.connectionMode,
    IPAddr: reg?.IPAddr ?? dev.IPAddr,
    port: reg?.port ?? dev.port,
    status: dev.status,
    autoReconnect: dev.autoReconnect,
    useSSL: reg?.useSSL ?? dev.useSSL,
  };
}

export function deviceList(world: World, gw: Gateway): DeviceInfoOut[] {
  requireOnline(gw);
  const out: DeviceInfoOut[] = [];
  for (const id of gw.deviceIDs) {
    const dev = world.devices.get(id)!;
    if (dev.managed) out.push(deviceInfo(world, dev));
  }
  return out;
}

/** Disconnect: per-kind semantics live in dropConnection (reconnect.ts); unmanaged devices are a no-op. */
export function disconnect(world: World, devices: Device[]): void {
  for (const dev of devices) requireOnline(world.gateways.get(dev.gatewayID)!);
  for (const dev of devices) {
    if (!dev.managed) continue;
    dropConnection(world, dev);
  }
}

export function disconnectAll(world: World, gw: Gateway): void {
  requireOnline(gw);
  const devices = [...gw.deviceIDs].map((id) => world.devices.get(id)!).filter((d) => d.managed);
  disconnect(world, devices);
}

export interface SearchInfoOut {
  deviceID: number;
  type: DeviceType;
  useDHCP: boolean;
  connectionMode: ModeValue;
  IPAddr: string;
  port: number;
  useSSL: boolean;
  serverAddr: string;
}

/** The devices on the gateway's subnet that answer a search: on the network, managed or not. */
export function searchResults(world: World, gw: Gateway): SearchInfoOut[] {
  requireOnline(gw);
  const out: SearchInfoOut[] = [];
  for (const id of gw.deviceIDs) {
    const d = world.devices.get(id)!;
    if (d.phantom || !d.reachable || !d.online) continue;
    out.push({
      deviceID: d.deviceID,
      type: d.type,
      useDHCP: d.useDHCP,
      connectionMode: d.connectionMode,
      IPAddr: d.IPAddr,
      port: d.port,
      useSSL: d.useSSL,
      serverAddr: d.connectionMode === Mode.DEVICE_TO_SERVER ? gw.IPAddr : '',
    });
  }
  return out;
}

/**
 * SetConnectionMode: the device rewrites its IP configuration and so drops its connection. To
 * DEVICE_TO_SERVER it starts dialing the gateway; to SERVER_TO_DEVICE it waits to be connected.
 */
export function setConnectionMode(world: World, dev: Device, mode: ModeValue): void {
  requireConnectedDevice(world, dev);
  if (dev.connectionMode === mode) return;
  dev.connectionMode = mode;
  const gw = world.gateways.get(dev.gatewayID)!;
  if (mode === Mode.SERVER_TO_DEVICE) {
    gw.pending.delete(dev.deviceID);
    if (dev.kind === 'device-to-server') {
      // It stops dialing and waits for Connect / AddAsyncConnection.
      clearTimeout(dev.dialTimer);
      dev.dialTimer = undefined;
      world.setStatus(dev, Status.DISCONNECTED);
      world.makeUnmanaged(dev);
      return;
    }
  }
  dropConnection(world, dev);
  if (mode === Mode.DEVICE_TO_SERVER) scheduleDial(world, dev);
}

/** EnableSSL / DisableSSL: the device restarts its connection with the new setting. */
export function setSSL(world: World, dev: Device, useSSL: boolean): void {
  requireConnectedDevice(world, dev);
  if (dev.useSSL === useSSL) return;
  dev.useSSL = useSSL;
  dropConnection(world, dev);
}

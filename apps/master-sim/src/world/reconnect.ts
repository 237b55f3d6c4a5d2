import { UNKNOWN_DEVICE_TYPE } from '../scenario/device-types.ts';
import { accepts, attemptOutbound, canDial } from './connection-rules.ts';
import {
  Mode,
  Status,
  connectedStatus,
  nowSeconds,
  type AsyncRegistration,
  type Device,
  type Gateway,
} from './model.ts';
import type { World } from './world.ts';

/*
 * The timers that make a real gateway retry its async connections and real devices redial in
 * device-to-server mode. A stopped world starts no timer, so shutdown cannot race a retry.
 */

export type DialResult = 'accepted' | 'refused' | 'already-connected';

/**
 * Registers an async connection (the device record is created for an ID no device has, so the
 * gateway can keep failing on it as a real one does). `now`: attempt synchronously (world start).
 */
export function registerAsync(
  world: World,
  gw: Gateway,
  reg: AsyncRegistration,
  db: boolean,
  now = false,
): Device {
  let dev = world.devices.get(reg.deviceID);
  if (!dev) {
    dev = world.addDevice({
      deviceID: reg.deviceID,
      gatewayID: gw.gatewayID,
      type: UNKNOWN_DEVICE_TYPE,
      IPAddr: reg.IPAddr,
      port: reg.port,
      connectionMode: Mode.SERVER_TO_DEVICE,
      useSSL: reg.useSSL,
      useDHCP: false,
      reachable: false,
      flaky: false,
      phantom: true,
    });
  }
  gw.asyncActive.set(reg.deviceID, { reg, db });
  if (dev.kind !== 'device-to-server') world.makeManaged(dev, 'async', true);
  if (!world.isConnected(dev)) {
    if (now) attemptAsync(world, dev);
    else scheduleRetry(world, dev, 0);
  }
  return dev;
}

/** Removes an async registration, disconnecting first. */
export function unregisterAsync(world: World, gw: Gateway, deviceID: number): void {
  gw.asyncActive.delete(deviceID);
  const dev = world.devices.get(deviceID);
  if (!dev || dev.kind !== 'async') return;
  clearTimeout(dev.retryTimer);
  dev.retryTimer = undefined;
  if (world.isConnected(dev)) world.setStatus(dev, Status.DISCONNECTED);
  world.makeUnmanaged(dev);
  if (dev.phantom) world.removeDevice(dev);
}

export function attemptAsync(world: World, dev: Device): void {
  dev.retryTimer = undefined;
  const gw = world.gateways.get(dev.gatewayID);
  const reg = world.asyncRegistration(dev);
  if (!gw || !reg || !gw.connected || world.isConnected(dev)) return;
  const r = attemptOutbound(world, gw, reg);
  if (r.ok) {
    world.setStatus(dev, connectedStatus(reg.useSSL));
  } else {
    world.setStatus(dev, r.status);
    scheduleRetry(world, dev);
  }
}

export function scheduleRetry(
  world: World,
  dev: Device,
  delay = world.timing.reconnectDelayMs,
): void {
  clearTimeout(dev.retryTimer);
  if (world.isStopped) return;
  dev.retryTimer = setTimeout(() => attemptAsync(world, dev), delay);
}

/** A device-to-server device dials its gateway. */
export function dialIn(world: World, dev: Device): DialResult {
  clearTimeout(dev.dialTimer);
  dev.dialTimer = undefined;
  const gw = world.gateways.get(dev.gatewayID)!;
  if (world.isConnected(dev)) return 'already-connected';
  if (accepts(gw, dev.deviceID)) {
    gw.pending.delete(dev.deviceID);
    world.makeManaged(dev, 'device-to-server', false, connectedStatus(dev.useSSL));
    return 'accepted';
  }
  gw.pending.set(dev.deviceID, {
    deviceID: dev.deviceID,
    type: dev.type,
    IPAddr: dev.IPAddr,
    lastTry: nowSeconds(),
  });
  world.setStatus(dev, dev.useSSL ? Status.TLS_NOT_ALLOWED : Status.TCP_NOT_ALLOWED);
  scheduleDial(world, dev);
  return 'refused';
}

export function scheduleDial(
  world: World,
  dev: Device,
  delay = world.timing.reconnectDelayMs,
): void {
  clearTimeout(dev.dialTimer);
  dev.dialTimer = undefined;
  if (world.isStopped || !canDial(world, dev)) return;
  dev.dialTimer = setTimeout(() => {
    dev.dialTimer = undefined;
    if (canDial(world, dev)) dialIn(world, dev);
  }, delay);
}

/**
 * The device's connection ends (Disconnect, a network drop, or the device rewriting its own
 * configuration). What follows depends on how it was connected: a sync device leaves the list, an
 * async one is retried after the delay, a device-to-server device redials after the delay.
 */
export function dropConnection(world: World, dev: Device): void {
  if (world.isConnected(dev)) world.setStatus(dev, Status.DISCONNECTED);
  switch (dev.kind) {
    case 'sync':
      world.makeUnmanaged(dev);
      break;
    case 'async':
      scheduleRetry(world, dev);
      break;
    case 'device-to-server':
      world.makeUnmanaged(dev);
      scheduleDial(world, dev);
      break;
    case null:
      break;
  }
}

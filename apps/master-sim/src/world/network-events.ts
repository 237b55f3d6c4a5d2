import { randomInt } from '../util/prng.ts';
import { canDial } from './connection-rules.ts';
import { Status, cloneFilter, cloneSlaves, type Device, type Gateway } from './model.ts';
import {
  attemptAsync,
  dialIn,
  dropConnection,
  registerAsync,
  scheduleDial,
  scheduleRetry,
} from './reconnect.ts';
import type { World } from './world.ts';

/*
 * Devices and gateways leaving and rejoining the network (the control API, flaky devices): what a
 * real gateway loses and re-applies, and which reconnects follow.
 */

export function deviceOffline(world: World, dev: Device): void {
  dev.online = false;
  clearTimeout(dev.dialTimer);
  dev.dialTimer = undefined;
  if (world.isConnected(dev)) dropConnection(world, dev);
}

/** Back on the network: async / device-to-server ones reconnect after the delay (or at once). */
export function deviceOnline(world: World, dev: Device, now = false): void {
  dev.online = true;
  const delay = now ? 0 : world.timing.reconnectDelayMs;
  if (dev.kind === 'async' && !world.isConnected(dev)) {
    if (now) {
      clearTimeout(dev.retryTimer);
      attemptAsync(world, dev);
    } else {
      scheduleRetry(world, dev, delay);
    }
  }
  if (canDial(world, dev) && !world.isConnected(dev)) {
    if (now) dialIn(world, dev);
    else scheduleDial(world, dev, delay);
  }
}

/** The device gateway leaves the master: connections drop, session-only settings are lost. */
export function gatewayOffline(world: World, gw: Gateway): void {
  if (!gw.connected) return;
  for (const id of gw.deviceIDs) {
    const dev = world.devices.get(id)!;
    clearTimeout(dev.retryTimer);
    clearTimeout(dev.dialTimer);
    dev.retryTimer = dev.dialTimer = undefined;
    if (world.isConnected(dev)) world.setStatus(dev, Status.DISCONNECTED);
    if (dev.managed) world.makeUnmanaged(dev);
  }
  gw.asyncActive.clear();
  gw.filter = null;
  gw.pending.clear();
  gw.slaves.clear();
  for (const id of [...gw.deviceIDs]) {
    const dev = world.devices.get(id)!;
    if (dev.phantom) world.removeDevice(dev);
  }
  world.setGatewayStatus(gw, false);
}

/** The device gateway reconnects: the master re-applies what its database holds. */
export function gatewayOnline(world: World, gw: Gateway): void {
  if (gw.connected) return;
  world.setGatewayStatus(gw, true);
  gw.filter = gw.filterDB ? cloneFilter(gw.filterDB) : null;
  for (const s of gw.slavesDB.values()) gw.slaves.set(s.deviceID, cloneSlaves(s));
  for (const reg of gw.asyncDB.values()) registerAsync(world, gw, reg, true, true);
  for (const id of gw.deviceIDs) {
    const dev = world.devices.get(id)!;
    if (canDial(world, dev)) dialIn(world, dev);
  }
}

/** A flaky device alternates between up and down for random spans, until the world stops. */
export function scheduleFlaky(world: World, dev: Device): void {
  if (world.isStopped) return;
  const [min, max] = dev.online ? world.timing.flakyUpMs : world.timing.flakyDownMs;
  dev.flakyTimer = setTimeout(
    () => {
      if (dev.online) deviceOffline(world, dev);
      else deviceOnline(world, dev);
      scheduleFlaky(world, dev);
    },
    randomInt(world.random, min, max),
  );
}

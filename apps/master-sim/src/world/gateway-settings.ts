import { failedPrecondition, notFound } from '../errors.ts';
import {
  cloneFilter,
  cloneSlaves,
  emptyFilter,
  type AcceptFilter,
  type Gateway,
  type PendingDevice,
  type SlaveDevices,
} from './model.ts';
import { requireAllInDB, requireOnline } from './preconditions.ts';
import type { World } from './world.ts';

/**
 * The settings a gateway keeps per session and in the master's database (accept filter, pending
 * list, slave devices). `db` writes reach the database even while the gateway is offline and come
 * back with it; session writes need it online.
 */

export function setAcceptFilter(gw: Gateway, filter: AcceptFilter, db: boolean): void {
  if (!db) requireOnline(gw);
  if (db) gw.filterDB = cloneFilter(filter);
  if (gw.connected) gw.filter = cloneFilter(filter);
}

export function getAcceptFilter(gw: Gateway): AcceptFilter {
  requireOnline(gw);
  return gw.filter ? cloneFilter(gw.filter) : emptyFilter();
}

export function getAcceptFilterDB(gw: Gateway): AcceptFilter {
  return gw.filterDB ? cloneFilter(gw.filterDB) : emptyFilter();
}

export function pendingList(gw: Gateway): PendingDevice[] {
  requireOnline(gw);
  return [...gw.pending.values()].map((p) => ({ ...p }));
}

function checkSlaveParents(
  world: World,
  gw: Gateway,
  infos: SlaveDevices[],
  mustBeConnected: boolean,
): void {
  for (const s of infos) {
    const dev = world.devices.get(s.deviceID);
    if (!dev || dev.gatewayID !== gw.gatewayID || dev.phantom)
      throw notFound(`device ${s.deviceID} is not a device of gateway ${gw.gatewayID}`);
    if (mustBeConnected && !world.isConnected(dev))
      throw failedPrecondition(
        `device ${s.deviceID} is not connected, so its slave devices cannot be set`,
      );
  }
}

export function getSlaves(gw: Gateway): SlaveDevices[] {
  requireOnline(gw);
  return [...gw.slaves.values()].map(cloneSlaves);
}

export function setSlaves(world: World, gw: Gateway, infos: SlaveDevices[]): void {
  requireOnline(gw);
  checkSlaveParents(world, gw, infos, true);
  for (const s of infos) {
    if (s.rs485SlaveDeviceIDs.length === 0 && s.wiegandSlaveDeviceIDs.length === 0)
      gw.slaves.delete(s.deviceID);
    else gw.slaves.set(s.deviceID, cloneSlaves(s));
  }
}

export function addSlavesDB(world: World, gw: Gateway, infos: SlaveDevices[]): void {
  checkSlaveParents(world, gw, infos, false);
  for (const s of infos) {
    gw.slavesDB.set(s.deviceID, cloneSlaves(s));
    if (gw.connected) gw.slaves.set(s.deviceID, cloneSlaves(s));
  }
}

export function deleteSlavesDB(gw: Gateway, deviceIDs: number[]): void {
  requireAllInDB(gw, gw.slavesDB, deviceIDs, 'slave devices');
  for (const id of deviceIDs) {
    gw.slavesDB.delete(id);
    gw.slaves.delete(id);
  }
}

export function getSlavesDB(gw: Gateway): SlaveDevices[] {
  return [...gw.slavesDB.values()].map(cloneSlaves);
}

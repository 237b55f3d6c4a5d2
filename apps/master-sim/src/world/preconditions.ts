import { failedPrecondition, notFound, unavailable } from '../errors.ts';
import type { Device, Gateway } from './model.ts';
import type { World } from './world.ts';

// A real gateway answers every call on an offline gateway or an unconnected device the same way;
// one place keeps those answers alike across the connection and settings operations.

export function requireOnline(gw: Gateway): void {
  if (!gw.connected) throw unavailable(`gateway ${gw.gatewayID} is not connected to the master`);
}

export function requireConnectedDevice(world: World, dev: Device): void {
  requireOnline(world.gateways.get(dev.gatewayID)!);
  if (!world.isConnected(dev)) throw failedPrecondition(`device ${dev.deviceID} is not connected`);
}

/** Checked for the whole batch first, so a delete naming one unknown device changes nothing. */
export function requireAllInDB(
  gw: Gateway,
  held: ReadonlyMap<number, unknown>,
  deviceIDs: number[],
  what: string,
): void {
  for (const id of deviceIDs)
    if (!held.has(id))
      throw notFound(`device ${id} has no ${what} in the database of gateway ${gw.gatewayID}`);
}

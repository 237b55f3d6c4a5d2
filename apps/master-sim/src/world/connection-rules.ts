import {
  Mode,
  Status,
  type AsyncRegistration,
  type Device,
  type DeviceStatus,
  type Gateway,
} from './model.ts';
import type { World } from './world.ts';

/*
 * What a real gateway and device decide when a connection is tried, as pure answers over the
 * world's state: no status is set and no timer started here, so Connect, async retries and
 * device-to-server dials all apply the same rules.
 */

export type AttemptResult =
  | { ok: true; device: Device }
  | { ok: false; status: DeviceStatus; reason: string; device?: Device };

/** What happens when the gateway opens a connection to IP:port (never a real socket). */
export function attemptOutbound(world: World, gw: Gateway, reg: AsyncRegistration): AttemptResult {
  const cannot = reg.useSSL ? Status.TLS_CANNOT_CONNECT : Status.TCP_CANNOT_CONNECT;
  const addr = `${reg.IPAddr}:${reg.port}`;
  if (!gw.connected)
    return {
      ok: false,
      status: cannot,
      reason: `gateway ${gw.gatewayID} is not connected to the master`,
    };
  const id = gw.byAddr.get(addr);
  const dev = id === undefined ? undefined : world.devices.get(id);
  if (!dev || !dev.reachable || !dev.online)
    return {
      ok: false,
      status: cannot,
      reason: `no device answers at ${addr} on gateway ${gw.gatewayID}`,
      ...(dev ? { device: dev } : {}),
    };
  if (reg.deviceID !== 0 && reg.deviceID !== dev.deviceID)
    return {
      ok: false,
      status: cannot,
      reason: `the device at ${addr} is ${dev.deviceID}, not ${reg.deviceID}`,
    };
  if (dev.connectionMode === Mode.DEVICE_TO_SERVER)
    return {
      ok: false,
      status: cannot,
      reason: `device ${dev.deviceID} at ${addr} is in DEVICE_TO_SERVER mode and accepts no connections`,
      device: dev,
    };
  if (dev.useSSL && !reg.useSSL)
    return {
      ok: false,
      status: Status.TCP_NOT_ALLOWED,
      reason: `device ${dev.deviceID} requires SSL: connect with useSSL=true`,
      device: dev,
    };
  if (!dev.useSSL && reg.useSSL)
    return {
      ok: false,
      status: Status.TLS_CANNOT_CONNECT,
      reason: `device ${dev.deviceID} has SSL disabled: connect with useSSL=false`,
      device: dev,
    };
  return { ok: true, device: dev };
}

/** Does the gateway's accept filter let this device in? (IPAddrs/subnetMasks are not enforced, as the G-SDK documents.) */
export function accepts(gw: Gateway, deviceID: number): boolean {
  const f = gw.filter;
  return f !== null && (f.allowAll || f.deviceIDs.includes(deviceID));
}

/** Whether a device is in a position to dial in right now. */
export function canDial(world: World, dev: Device): boolean {
  const gw = world.gateways.get(dev.gatewayID);
  return (
    dev.connectionMode === Mode.DEVICE_TO_SERVER &&
    dev.online &&
    dev.reachable &&
    !dev.phantom &&
    gw?.connected === true
  );
}

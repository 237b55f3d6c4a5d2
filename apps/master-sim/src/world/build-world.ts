import type { ParsedScenario } from '../scenario/schema.ts';
import type { Random } from '../util/prng.ts';
import { attemptOutbound } from './connection-rules.ts';
import {
  Mode,
  cloneFilter,
  cloneSlaves,
  connectedStatus,
  type AsyncRegistration,
} from './model.ts';
import { scheduleFlaky } from './network-events.ts';
import { dialIn, registerAsync } from './reconnect.ts';
import { World, type WorldTiming } from './world.ts';

/** The world a scenario describes, already in its steady state. */
export function buildWorld(scenario: ParsedScenario, timing: WorldTiming, random: Random): World {
  const world = new World(timing, random);
  for (const t of scenario.tenants) world.tenants.add(t);
  for (const g of scenario.gateways) {
    const gw = world.addGateway(g.gatewayID, g.tenantID, g.subnet, g.IPAddr);
    gw.connected = g.connected;
    if (g.acceptFilter) {
      const { db, ...filter } = g.acceptFilter;
      if (db) gw.filterDB = cloneFilter(filter);
      gw.filter = cloneFilter(filter);
    }
    for (const { db, ...s } of g.slaves) {
      if (db) gw.slavesDB.set(s.deviceID, cloneSlaves(s));
      gw.slaves.set(s.deviceID, cloneSlaves(s));
    }
  }
  for (const d of scenario.devices) {
    const mode =
      d.connectionMode ??
      (d.registration === 'deviceToServer' ? Mode.DEVICE_TO_SERVER : Mode.SERVER_TO_DEVICE);
    world.addDevice({
      deviceID: d.deviceID,
      gatewayID: d.gatewayID,
      type: d.type,
      IPAddr: d.IPAddr,
      port: d.port,
      connectionMode: mode,
      useSSL: d.useSSL,
      useDHCP: d.useDHCP,
      reachable: d.reachable,
      flaky: d.flaky,
      phantom: false,
    });
  }
  // Bring the world to its steady state synchronously, so the first GetDeviceList already shows it.
  for (const d of scenario.devices) {
    const dev = world.devices.get(d.deviceID)!;
    const gw = world.gateways.get(d.gatewayID)!;
    const reg: AsyncRegistration = {
      deviceID: dev.deviceID,
      IPAddr: dev.IPAddr,
      port: dev.port,
      useSSL: dev.useSSL,
    };
    if (d.registration === 'sync' && gw.connected) {
      const r = attemptOutbound(world, gw, reg);
      if (r.ok) world.makeManaged(r.device, 'sync', false, connectedStatus(reg.useSSL));
    } else if (d.registration === 'async' || d.registration === 'asyncDB') {
      if (d.registration === 'asyncDB') gw.asyncDB.set(dev.deviceID, reg);
      if (gw.connected) registerAsync(world, gw, reg, d.registration === 'asyncDB', true);
    } else if (d.registration === 'deviceToServer' && gw.connected) {
      dialIn(world, dev);
    }
    if (dev.flaky) scheduleFlaky(world, dev);
  }
  return world;
}

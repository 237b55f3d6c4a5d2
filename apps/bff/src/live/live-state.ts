// The hub's picture of the world: every gateway it follows with its devices, and which gateway
// each device is on (a device-status change carries only the device ID). Pure data, no I/O.
import { randomUUID } from 'node:crypto';
import type { LiveChange, LiveDevice, LiveGateway, LiveMode, SnapshotEvent } from '@cmc/api';
import { deviceTypeName, type DeviceInfo } from '@cmc/gsdk';
import { liveModeOf, liveStatusOf, toLiveDevice } from './live-names.ts';

export interface GatewayState {
  gatewayID: string;
  /** undefined: no tenant owns it, so no device stream covers it */
  tenantID: string | undefined;
  connected: boolean;
  /** seq of the last delta sent for this gateway */
  seq: number;
  /** why it is degraded (stream keys); empty = live */
  degradedBy: Set<string>;
  devices: Map<number, LiveDevice>;
}

/** What one reading of a gateway's device list changed, per gateway (a device may move). */
export interface GatewayDiff {
  changes: LiveChange[];
  added: LiveDevice[];
  removed: number[];
}

/** Whether `d` (on this gateway) already shows everything of `info`. */
function sameDevice(d: LiveDevice, info: DeviceInfo): boolean {
  return (
    d.IPAddr === info.IPAddr &&
    d.port === info.port &&
    d.useSSL === info.useSSL &&
    d.autoReconnect === info.autoReconnect &&
    d.status === liveStatusOf(info.status) &&
    d.connectionMode === liveModeOf(info.connectionMode) &&
    d.type === deviceTypeName(info.type)
  );
}

export class LiveState {
  /** Names this picture in snapshots and device-list cuts: seqs of another process don't compare. */
  readonly hubID = randomUUID();
  readonly gateways = new Map<string, GatewayState>();
  private readonly deviceGateway = new Map<number, string>();

  ensureGateway(gatewayID: string, tenantID: string | undefined): GatewayState {
    let gw = this.gateways.get(gatewayID);
    if (!gw) {
      gw = {
        gatewayID,
        tenantID,
        connected: false,
        seq: 0,
        degradedBy: new Set(),
        devices: new Map(),
      };
      this.gateways.set(gatewayID, gw);
    } else if (tenantID !== undefined) {
      gw.tenantID = tenantID;
    }
    return gw;
  }

  gatewayOf(deviceID: number): string | undefined {
    return this.deviceGateway.get(deviceID);
  }

  /**
   * Replaces a gateway's devices with a fresh GetDeviceList answer and reports the differences:
   * status changes of known devices, devices that appeared and devices that left (also from the
   * gateway a moved device was on before).
   */
  applyDeviceList(gatewayID: string, infos: DeviceInfo[], at: number): Map<string, GatewayDiff> {
    const gw = this.gateways.get(gatewayID);
    if (!gw) throw new Error(`live state: unknown gateway ${gatewayID}`);
    const diffs = new Map<string, GatewayDiff>();
    const diffOf = (id: string): GatewayDiff => {
      let d = diffs.get(id);
      if (!d) diffs.set(id, (d = { changes: [], added: [], removed: [] }));
      return d;
    };
    const seen = new Set<number>();
    for (const info of infos) {
      seen.add(info.deviceID);
      const prev = gw.devices.get(info.deviceID);
      // A re-read (every 30 s, device-index.ts) mostly finds devices as they were: their objects
      // stay, rather than 100,000 new ones each time for the collector to promote and sweep.
      if (prev && sameDevice(prev, info)) continue;
      const next = toLiveDevice(gatewayID, info);
      if (!prev) {
        const other = this.deviceGateway.get(info.deviceID);
        if (other !== undefined && other !== gatewayID) {
          this.gateways.get(other)?.devices.delete(info.deviceID);
          diffOf(other).removed.push(info.deviceID);
        }
        diffOf(gatewayID).added.push(next);
      } else if (prev.status !== next.status) {
        diffOf(gatewayID).changes.push({
          deviceID: next.deviceID,
          gatewayID,
          status: next.status,
          at,
        });
      }
      gw.devices.set(info.deviceID, next);
      this.deviceGateway.set(info.deviceID, gatewayID);
    }
    for (const deviceID of [...gw.devices.keys()]) {
      if (seen.has(deviceID)) continue;
      gw.devices.delete(deviceID);
      if (this.deviceGateway.get(deviceID) === gatewayID) this.deviceGateway.delete(deviceID);
      diffOf(gatewayID).removed.push(deviceID);
    }
    return diffs;
  }

  /**
   * Applies a streamed status change (the master's number, named here once per change); undefined
   * when the device is unknown (refresh the lists).
   */
  applyChange(
    deviceID: number,
    status: number,
    at: number,
  ): { change: LiveChange; changed: boolean } | undefined {
    const gatewayID = this.deviceGateway.get(deviceID);
    const device =
      gatewayID === undefined ? undefined : this.gateways.get(gatewayID)?.devices.get(deviceID);
    if (gatewayID === undefined || !device) return undefined;
    const name = liveStatusOf(status);
    const changed = device.status !== name;
    device.status = name;
    return { change: { deviceID, gatewayID, status: name, at }, changed };
  }

  /** true when the flag changed */
  setGatewayConnected(gatewayID: string, connected: boolean): boolean {
    const gw = this.gateways.get(gatewayID);
    if (!gw || gw.connected === connected) return false;
    gw.connected = connected;
    return true;
  }

  modeOf(gatewayID: string): LiveMode {
    return (this.gateways.get(gatewayID)?.degradedBy.size ?? 0) > 0 ? 'degraded' : 'live';
  }

  /**
   * Shares the state's device objects: serialise it at once (an emit does), never keep it.
   * `withDevices` false: the gateways' states only (a light snapshot, `auth.snapshot: 'gateways'`).
   */
  snapshot(gatewayIDs: Iterable<string>, withDevices = true): SnapshotEvent {
    const gateways: LiveGateway[] = [];
    const devices: LiveDevice[] = [];
    let mode: LiveMode = 'live';
    for (const id of gatewayIDs) {
      const gw = this.gateways.get(id);
      if (!gw) continue;
      const gwMode = this.modeOf(id);
      if (gwMode === 'degraded') mode = 'degraded';
      gateways.push({ gatewayID: id, connected: gw.connected, seq: gw.seq, mode: gwMode });
      // The state's own objects, not copies: socket.io serialises an emit synchronously, and 200
      // sessions joining would otherwise each copy 10,000 devices (bench/README.md, fan-out RSS).
      if (withDevices) for (const d of gw.devices.values()) devices.push(d);
    }
    return { hub: this.hubID, mode, gateways, devices };
  }
}

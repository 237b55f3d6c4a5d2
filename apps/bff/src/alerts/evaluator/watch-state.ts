// What the evaluator knows of the world: each device's status, since when it is (not) connected and
// its recent drops; each gateway's connected flag and since when. Fed by every status change the
// live hub sees (alerts-taps.ts), on every instance; evaluated only where the alert lease is held.
import { deviceStatusName, isConnectedStatus } from '@cmc/gsdk/names';

export interface DeviceWatch {
  deviceID: number;
  gatewayID: string;
  status: number;
  statusName: string;
  connected: boolean;
  /** epoch ms since when `connected` holds */
  since: number;
  /** epoch ms of recent connected → not connected transitions, oldest first */
  drops: number[];
}

export interface GatewayWatch {
  gatewayID: string;
  connected: boolean;
  since: number;
}

/** What persisted history says about a device, for its first observation after a start. */
export interface DeviceSeed {
  /** when it last stopped being connected (only for a device not connected in history) */
  disconnectedSince?: number;
  drops: number[];
}

/** Drops older than this are forgotten (the longest flapping window a rule may have: a day). */
const DROP_MEMORY_MS = 24 * 3600_000;
const MAX_DROPS = 1000;

export class WatchState {
  readonly devices = new Map<number, DeviceWatch>();
  readonly gateways = new Map<string, GatewayWatch>();
  /**
   * The devices a device rule can hit, so an evaluation visits those rather than every device
   * (conditions.ts): not connected (offline and failure rules), and with drops remembered
   * (flapping rules; a device without drops can never reach a rule's count of at least 2).
   */
  readonly notConnected = new Map<number, DeviceWatch>();
  readonly withDrops = new Map<number, DeviceWatch>();

  constructor(private readonly seeds: Map<number, DeviceSeed> = new Map()) {}

  device(change: { deviceID: number; gatewayID: string; status: number; at: number }): void {
    const connected = isConnectedStatus(change.status);
    const prev = this.devices.get(change.deviceID);
    if (!prev) {
      const seed = this.seeds.get(change.deviceID);
      this.seeds.delete(change.deviceID);
      const since =
        !connected && seed?.disconnectedSince !== undefined && seed.disconnectedSince <= change.at
          ? seed.disconnectedSince
          : change.at;
      const watch: DeviceWatch = {
        deviceID: change.deviceID,
        gatewayID: change.gatewayID,
        status: change.status,
        statusName: deviceStatusName(change.status),
        connected,
        since,
        drops: seed?.drops.slice(-MAX_DROPS) ?? [],
      };
      this.devices.set(change.deviceID, watch);
      if (!connected) this.notConnected.set(change.deviceID, watch);
      if (watch.drops.length > 0) this.withDrops.set(change.deviceID, watch);
      return;
    }
    if (prev.connected && !connected) {
      prev.drops.push(change.at);
      const horizon = change.at - DROP_MEMORY_MS;
      while (prev.drops.length > MAX_DROPS || (prev.drops[0] ?? Infinity) < horizon)
        prev.drops.shift();
      this.withDrops.set(change.deviceID, prev);
    }
    if (prev.connected !== connected) {
      prev.since = change.at;
      if (connected) this.notConnected.delete(change.deviceID);
      else this.notConnected.set(change.deviceID, prev);
    }
    prev.connected = connected;
    prev.status = change.status;
    prev.statusName = deviceStatusName(change.status);
    prev.gatewayID = change.gatewayID;
  }

  gateway(gatewayID: string, connected: boolean, at: number): void {
    const prev = this.gateways.get(gatewayID);
    if (prev && prev.connected === connected) return;
    this.gateways.set(gatewayID, { gatewayID, connected, since: at });
  }
}

// What the BFF remembers about device gateways that left the master: the devices each one managed
// when it dropped (shown as "unknown, gateway offline" instead of vanishing), and, once it is back,
// which of them the master did not restore. A real master re-applies only what its database holds:
// session async registrations and one-off Connect connections are gone (../shared/gsdk-facts.md).
// In memory, per BFF process: a restart forgets it, as it forgets the live state.
import type { LostConnectionsNotice, LostDevice } from '@cmc/api';
import { ConnectionMode, deviceTypeName, type DeviceInfo } from '@cmc/gsdk';
import { PackedDevices } from './packed-devices.ts';

/** A managed device as the master listed it (the live state keeps enums as plain numbers). */
export type RememberedDevice = Omit<DeviceInfo, 'type' | 'connectionMode' | 'status'> & {
  type: number;
  connectionMode: number;
  status: number;
};

export interface OfflineGateway {
  tenantID: string | undefined;
  /** epoch ms */
  since: number;
  devices: RememberedDevice[];
}

interface Notice {
  tenantID: string | undefined;
  offlineAt: number;
  reconnectedAt: number;
  /** The lost devices as they were managed before the drop (what a restore re-applies). */
  devices: Map<number, RememberedDevice>;
}

/** A lost device as the notice names it. */
function lostDevice(d: RememberedDevice): LostDevice {
  return {
    deviceID: d.deviceID,
    IPAddr: d.IPAddr,
    port: d.port,
    useSSL: d.useSSL,
    kind: d.autoReconnect ? 'async' : 'sync',
    type: deviceTypeName(d.type),
  };
}

export class GatewayMemory {
  private readonly offline = new Map<string, OfflineGateway>();
  private readonly notices = new Map<string, Notice>();
  private readonly lastSeen = new Map<string, PackedDevices>();
  /**
   * Connections the console re-applied on a gateway, each with the tick it was made at, kept until a
   * list read that began after it: a gateway that leaves before the live view has read them must
   * still remember them (else its return would not name them lost again).
   */
  private readonly reapplied = new Map<
    string,
    Map<number, { device: RememberedDevice; tick: number }>
  >();
  private tick = 0;

  /** Call as a device-list read is sent; pass the answer to seen() with this tick. */
  readStarting(): number {
    return ++this.tick;
  }

  /** The gateway left the master; `devices` = what it managed just before. First call wins. */
  wentOffline(
    gatewayID: string,
    tenantID: string | undefined,
    devices: RememberedDevice[],
    at: number,
  ) {
    if (this.offline.has(gatewayID)) return;
    // The device streams often report the gateway's devices gone before the gateway flag arrives,
    // so the live state may already lack them: add the last list read while it was connected.
    const byID = new Map<number, RememberedDevice>();
    for (const d of this.lastSeen.get(gatewayID)?.unpack() ?? []) byID.set(d.deviceID, d);
    for (const { device } of this.reapplied.get(gatewayID)?.values() ?? [])
      byID.set(device.deviceID, device);
    for (const d of devices) byID.set(d.deviceID, d);
    this.lastSeen.delete(gatewayID);
    this.reapplied.delete(gatewayID);
    this.offline.set(gatewayID, {
      tenantID,
      since: at,
      devices: [...byID.values()].map((d) => ({ ...d })),
    });
  }

  /**
   * The gateway's device list as last read while it was connected (packed: read on every resync).
   * `readTick` (readStarting()): re-applied connections made before the read began are in it, or
   * were removed since; either way the list now speaks for them.
   */
  seen(gatewayID: string, list: readonly RememberedDevice[], readTick: number): void {
    this.lastSeen.set(gatewayID, new PackedDevices(list));
    const pending = this.reapplied.get(gatewayID);
    if (!pending) return;
    for (const [id, { tick }] of pending) if (tick < readTick) pending.delete(id);
    if (pending.size === 0) this.reapplied.delete(gatewayID);
  }

  offlineGateway(gatewayID: string): OfflineGateway | undefined {
    return this.offline.get(gatewayID);
  }

  /**
   * The gateway is back and its list was read: server-to-device devices it managed before that the
   * list lacks were lost. Returns them (also kept as the gateway's notice until restored/dismissed).
   */
  cameBack(gatewayID: string, list: readonly RememberedDevice[], at: number): LostDevice[] {
    const before = this.offline.get(gatewayID);
    if (!before) return [];
    this.offline.delete(gatewayID);
    const now = new Set(list.map((d) => d.deviceID));
    const lost = before.devices.filter(
      (d) => d.connectionMode === ConnectionMode.SERVER_TO_DEVICE && !now.has(d.deviceID),
    );
    if (lost.length === 0) return [];
    const devices = new Map(this.notices.get(gatewayID)?.devices);
    // A device restored since an earlier notice and lost again is named again, with its latest setup.
    for (const d of lost) devices.set(d.deviceID, d);
    this.notices.set(gatewayID, {
      tenantID: before.tenantID,
      offlineAt: before.since,
      reconnectedAt: at,
      devices,
    });
    return lost.map(lostDevice);
  }

  /** Notices of these gateways (a user's visible ones), oldest reconnect first. */
  noticesFor(gatewayIDs: readonly string[]): LostConnectionsNotice[] {
    const out: LostConnectionsNotice[] = [];
    for (const gatewayID of gatewayIDs) {
      const n = this.notices.get(gatewayID);
      if (!n || n.devices.size === 0) continue;
      out.push({
        gatewayID,
        offlineAt: new Date(n.offlineAt).toISOString(),
        reconnectedAt: new Date(n.reconnectedAt).toISOString(),
        devices: [...n.devices.values()].map(lostDevice),
      });
    }
    return out.sort((a, b) => a.reconnectedAt.localeCompare(b.reconnectedAt));
  }

  lostDevices(gatewayID: string): LostDevice[] {
    return [...(this.notices.get(gatewayID)?.devices.values() ?? [])].map(lostDevice);
  }

  /**
   * Takes re-applied devices off the notice (the notice goes when none are left) and remembers them
   * as managed again until a list read confirms it.
   */
  resolve(gatewayID: string, deviceIDs: readonly number[]): void {
    const n = this.notices.get(gatewayID);
    if (!n) return;
    let pending = this.reapplied.get(gatewayID);
    for (const id of deviceIDs) {
      const device = n.devices.get(id);
      if (!device) continue;
      if (!pending) this.reapplied.set(gatewayID, (pending = new Map()));
      pending.set(id, { device, tick: ++this.tick });
      n.devices.delete(id);
    }
    if (n.devices.size === 0) this.notices.delete(gatewayID);
  }

  dismiss(gatewayID: string): boolean {
    return this.notices.delete(gatewayID);
  }
}

// The live hub's state, as the REST device index (device-index.ts) needs it: the same state, plus
// which gateways have been read at least once and version numbers that say when a cached ordering
// of the devices no longer holds. Every change of a gateway's device set goes through
// applyDeviceList (streamed changes only set a status in place), so counting there is exact.
import type { DeviceInfo } from '@cmc/gsdk';
import { LiveState, type GatewayDiff } from '../live/live-state.ts';

export class IndexedLiveState extends LiveState {
  /** Bumped whenever a device joined or left any gateway (or moved between two). */
  membership = 0;
  /** Bumped with membership and whenever a device's IP address changed (the IPAddr ordering). */
  addresses = 0;
  private readSeq = 0;
  private readonly reads = new Map<string, number>();

  override applyDeviceList(
    gatewayID: string,
    infos: DeviceInfo[],
    at: number,
  ): Map<string, GatewayDiff> {
    const before = this.gateways.get(gatewayID)?.devices;
    let moved = false;
    if (before)
      for (const info of infos) {
        const prev = before.get(info.deviceID);
        if (prev && prev.IPAddr !== info.IPAddr) moved = true;
      }
    const diffs = super.applyDeviceList(gatewayID, infos, at);
    for (const diff of diffs.values())
      if (diff.added.length > 0 || diff.removed.length > 0) {
        this.membership += 1;
        moved = true;
        break;
      }
    if (moved) this.addresses += 1;
    this.reads.set(gatewayID, ++this.readSeq);
    return diffs;
  }

  /** Sequence number of the last successful read of this gateway's list; 0 = never read. */
  readSeqOf(gatewayID: string): number {
    return this.reads.get(gatewayID) ?? 0;
  }
}

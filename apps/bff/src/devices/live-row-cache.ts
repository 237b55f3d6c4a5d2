// Rows of devices served from the live hub's memory (device-index.ts), with their JSON bytes kept
// between requests and rebuilt only when something the row shows has changed: a page of 1,000 rows
// is then 1,000 comparisons and a copy of cached bytes.
// Only the hot pages are kept: at most `max` rows, the oldest dropped first, and renders of every
// device (the CSV export) reuse rows but keep none. Keeping all 100,000 rows cost ~90 MB
// (docs/bff-memory-notes.md). An entry is the row and its bytes only: the device's current fields
// are compared with the row itself.
import type { DeviceRow, LiveDevice } from '@cmc/api';
import { showsNameAndFacts, withFacts, type DeviceFacts } from './device-row.ts';
import type { RenderedRow } from './device-row-cache.ts';

/** Rows kept: ten pages of 1,000. */
export const LIVE_ROW_CACHE_MAX = 10_000;

/** Whether `row` shows what liveDeviceRow(d, facts, name) would. */
function rowShows(
  row: DeviceRow,
  d: LiveDevice,
  facts: DeviceFacts | undefined,
  name: string | undefined,
): boolean {
  return (
    row.status === d.status &&
    row.gatewayID === d.gatewayID &&
    row.IPAddr === d.IPAddr &&
    row.port === d.port &&
    row.type === d.type &&
    row.connectionMode === d.connectionMode &&
    row.useSSL === d.useSSL &&
    row.autoReconnect === d.autoReconnect &&
    showsNameAndFacts(row, name, facts)
  );
}

/** The same row device-row.ts builds from a DeviceInfo, from the hub's already-named fields. */
export function liveDeviceRow(d: LiveDevice, facts?: DeviceFacts, name?: string): DeviceRow {
  const row: DeviceRow = {
    deviceID: d.deviceID,
    gatewayID: d.gatewayID,
    ...(name ? { name } : {}),
    type: d.type,
    IPAddr: d.IPAddr,
    port: d.port,
    status: d.status,
    connectionMode: d.connectionMode,
    useSSL: d.useSSL,
    autoReconnect: d.autoReconnect,
  };
  return withFacts(row, facts);
}

/** A row rendered for one answer and not kept: its bytes are made only if asked for. */
function passingRow(row: DeviceRow): RenderedRow {
  return {
    row,
    get bytes() {
      return Buffer.from(JSON.stringify(row));
    },
  };
}

export class LiveRowCache {
  private readonly entries = new Map<number, RenderedRow>();

  constructor(private readonly max = LIVE_ROW_CACHE_MAX) {}

  /** `keep` false: rows not cached yet are built for this answer only (a render of every device). */
  render(
    devices: readonly LiveDevice[],
    facts: ReadonlyMap<number, DeviceFacts> | undefined,
    names: ReadonlyMap<number, string> | undefined,
    keep = true,
  ): RenderedRow[] {
    const out = new Array<RenderedRow>(devices.length);
    for (let i = 0; i < devices.length; i++) {
      const d = devices[i]!;
      const f = facts?.get(d.deviceID);
      const name = names?.get(d.deviceID);
      let e = this.entries.get(d.deviceID);
      if (!e || !rowShows(e.row, d, f, name)) {
        const row = liveDeviceRow(d, f, name);
        if (!keep) {
          out[i] = passingRow(row);
          continue;
        }
        if (!e && this.entries.size >= this.max) this.evictOldest();
        e = { row, bytes: Buffer.from(JSON.stringify(row)) };
        this.entries.set(d.deviceID, e);
      }
      out[i] = e;
    }
    return out;
  }

  /** Drops the oldest tenth at once (one walk over the map, not one per row added). */
  private evictOldest(): void {
    let n = Math.max(1, Math.floor(this.max / 10));
    for (const id of this.entries.keys()) {
      if (n-- === 0) return;
      this.entries.delete(id);
    }
  }

  /** Forgets devices the hub no longer lists, so the cache never outgrows what the master manages. */
  retain(isListed: (deviceID: number) => boolean): void {
    for (const id of this.entries.keys()) if (!isListed(id)) this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }
}

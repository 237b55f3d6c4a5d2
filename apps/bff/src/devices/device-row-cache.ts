// Each device's row and its JSON text, kept between requests and rebuilt only when something the row
// shows has changed. A 10,000-device list is then a join of cached strings, not 10,000 new objects
// and a 3 MB JSON.stringify per request (profiled in bench/README.md, "Device list").
// An entry keeps only the row and its bytes: what the row was built from is compared with the row
// itself (a copy of the decoded DeviceInfo and of the facts cost ~130 bytes a device more,
// docs/bff-memory-notes.md).
import type { DeviceRow } from '@cmc/api';
import type { DeviceInfo } from '@cmc/gsdk';
import { connectionModeName, deviceStatusName, deviceTypeName } from '@cmc/gsdk';
import { showsNameAndFacts, toDeviceRow, type DeviceFacts } from './device-row.ts';

export interface RenderedRow {
  readonly row: DeviceRow;
  /** JSON.stringify(row) as UTF-8 */
  readonly bytes: Buffer;
}

interface Entry extends RenderedRow {
  /** The render() call that last saw this device; older ones mark devices that left the list. */
  pass: number;
}

/** Whether `row` shows what a row built from these would (toDeviceRow, withFacts). */
function rowShows(
  row: DeviceRow,
  info: DeviceInfo,
  facts: DeviceFacts | undefined,
  name: string | undefined,
): boolean {
  return (
    row.status === deviceStatusName(info.status) &&
    row.IPAddr === info.IPAddr &&
    row.port === info.port &&
    row.useSSL === info.useSSL &&
    row.autoReconnect === info.autoReconnect &&
    row.type === deviceTypeName(info.type) &&
    row.connectionMode === connectionModeName(info.connectionMode) &&
    showsNameAndFacts(row, name, facts)
  );
}

export class DeviceRowCache {
  private readonly gateways = new Map<string, Map<number, Entry>>();
  private pass = 0;

  /**
   * Rows of one gateway from a fresh reading of its device list, in list order. Devices the list no
   * longer holds are forgotten, so the cache never outgrows what the master manages. Updated in
   * place: a list that changed nothing allocates nothing but the returned array.
   */
  render(
    gatewayID: string,
    infos: readonly DeviceInfo[],
    facts: ReadonlyMap<number, DeviceFacts> | undefined,
    names?: ReadonlyMap<number, string>,
  ): RenderedRow[] {
    let entries = this.gateways.get(gatewayID);
    if (!entries) this.gateways.set(gatewayID, (entries = new Map()));
    const pass = ++this.pass;
    let seen = 0;
    const rows: RenderedRow[] = new Array<RenderedRow>(infos.length);
    for (let i = 0; i < infos.length; i++) {
      const info = infos[i]!;
      const f = facts?.get(info.deviceID);
      const name = names?.get(info.deviceID);
      let entry = entries.get(info.deviceID);
      if (!entry || !rowShows(entry.row, info, f, name)) {
        const row = toDeviceRow(info, gatewayID, f, name);
        entry = { row, bytes: Buffer.from(JSON.stringify(row)), pass: 0 };
        entries.set(info.deviceID, entry);
      }
      if (entry.pass !== pass) seen++;
      entry.pass = pass;
      rows[i] = entry;
    }
    if (seen < entries.size)
      for (const [deviceID, entry] of entries) if (entry.pass !== pass) entries.delete(deviceID);
    return rows;
  }

  /** Drops the gateways not in `gatewayIDs` (called with the full list of the master's gateways). */
  retainOnly(gatewayIDs: readonly string[]): void {
    const keep = new Set(gatewayIDs);
    for (const id of this.gateways.keys()) if (!keep.has(id)) this.gateways.delete(id);
  }

  /**
   * Drops these gateways' rows: they are served from the live hub's memory now (device-index.ts),
   * and a list read through while it started would otherwise stay here for good (~90 MB at
   * 100,000 devices, docs/bff-memory-notes.md).
   */
  forget(gatewayIDs: Iterable<string>): void {
    for (const id of gatewayIDs) this.gateways.delete(id);
  }

  /** Devices cached, over every gateway (for tests and diagnostics). */
  get size(): number {
    let n = 0;
    for (const m of this.gateways.values()) n += m.size;
    return n;
  }
}

// Each device's row and its JSON text, kept between requests and rebuilt only when something the row
// shows has changed. A 10,000-device list is then a join of cached strings, not 10,000 new objects
// and a 3 MB JSON.stringify per request (profiled in bench/README.md, "Device list").
import type { DeviceRow } from '@cmc/api';
import type { DeviceInfo } from '@cmc/gsdk';
import { sameFacts, toDeviceRow, type DeviceFacts } from './device-row.ts';

export interface RenderedRow {
  readonly row: DeviceRow;
  /** JSON.stringify(row) as UTF-8 */
  readonly bytes: Buffer;
}

interface Entry extends RenderedRow {
  /** The render() call that last saw this device; older ones mark devices that left the list. */
  pass: number;
  info: DeviceInfo;
  /** A copy: what the row was built from, whatever the history store does with its own objects. */
  facts: DeviceFacts | undefined;
  /** Display name the row was built with (device-labels): a rename rebuilds the row. */
  name: string | undefined;
}

function sameInfo(a: DeviceInfo, b: DeviceInfo): boolean {
  return (
    a.status === b.status &&
    a.type === b.type &&
    a.IPAddr === b.IPAddr &&
    a.port === b.port &&
    a.connectionMode === b.connectionMode &&
    a.useSSL === b.useSSL &&
    a.autoReconnect === b.autoReconnect
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
      if (
        !entry ||
        !sameInfo(entry.info, info) ||
        !sameFacts(entry.facts, f) ||
        entry.name !== name
      ) {
        const row = toDeviceRow(info, gatewayID, f, name);
        const bytes = Buffer.from(JSON.stringify(row));
        const copy = f ? { ...f } : undefined;
        entry = { row, bytes, pass: 0, info, facts: copy, name };
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

  /** Devices cached, over every gateway (for tests and diagnostics). */
  get size(): number {
    let n = 0;
    for (const m of this.gateways.values()) n += m.size;
    return n;
  }
}

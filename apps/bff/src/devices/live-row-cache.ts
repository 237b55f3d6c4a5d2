// Rows of devices served from the live hub's memory (device-index.ts), with their JSON bytes kept
// between requests and rebuilt only when something the row shows has changed: a page of 1,000 rows
// is then 1,000 comparisons and a copy of cached bytes.
import type { DeviceRow, LiveDevice } from '@cmc/api';
import { sameFacts, withFacts, type DeviceFacts } from './device-row.ts';
import type { RenderedRow } from './device-row-cache.ts';

interface Entry extends RenderedRow {
  device: LiveDevice;
  /** What the row was built from: the hub replaces device objects on a re-read, mutates status. */
  status: LiveDevice['status'];
  facts: DeviceFacts | undefined;
  name: string | undefined;
}

function sameDevice(a: LiveDevice, b: LiveDevice): boolean {
  return (
    a === b ||
    (a.gatewayID === b.gatewayID &&
      a.type === b.type &&
      a.IPAddr === b.IPAddr &&
      a.port === b.port &&
      a.connectionMode === b.connectionMode &&
      a.useSSL === b.useSSL &&
      a.autoReconnect === b.autoReconnect)
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

export class LiveRowCache {
  private readonly entries = new Map<number, Entry>();

  render(
    devices: readonly LiveDevice[],
    facts: ReadonlyMap<number, DeviceFacts> | undefined,
    names: ReadonlyMap<number, string> | undefined,
  ): RenderedRow[] {
    const out = new Array<RenderedRow>(devices.length);
    for (let i = 0; i < devices.length; i++) {
      const d = devices[i]!;
      const f = facts?.get(d.deviceID);
      const name = names?.get(d.deviceID);
      let e = this.entries.get(d.deviceID);
      if (
        !e ||
        e.status !== d.status ||
        e.name !== name ||
        !sameDevice(e.device, d) ||
        !sameFacts(e.facts, f)
      ) {
        const row = liveDeviceRow(d, f, name);
        e = {
          row,
          bytes: Buffer.from(JSON.stringify(row)),
          device: d,
          status: d.status,
          facts: f ? { ...f } : undefined,
          name,
        };
        this.entries.set(d.deviceID, e);
      }
      out[i] = e;
    }
    return out;
  }

  /** Forgets devices the hub no longer lists, so the cache never outgrows what the master manages. */
  retain(isListed: (deviceID: number) => boolean): void {
    for (const id of this.entries.keys()) if (!isListed(id)) this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }
}

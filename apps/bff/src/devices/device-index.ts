// The REST device list's view of the live hub: every gateway the hub follows, live and read at least
// once, is served from the hub's memory instead of a GetDeviceList per gateway per request (issue 12:
// 100 gateways x 1,000 devices). What the status stream does not carry is kept true two ways:
// - the console's own changes (write-tracker.ts) mark their gateways stale from the moment they start
//   until the hub has re-read them after they ended; a stale gateway is read through from the master;
// - another master client's changes (no status event) are caught by a re-read of every followed
//   gateway every `resyncMs` (default 30 s), one gateway at a time, the turns spread over the
//   interval: a re-read held its tenant's live changes until its list was in (it no longer does:
//   changes-during-read.ts), so re-reading every gateway at once delayed every change in the system
//   by the whole burst (the bench's status p99 at 1,000 changes/s: 5.7 to 37 ms from run to run).
import type { LiveDevice } from '@cmc/api';
import type { GatewayState } from '../live/live-state.ts';
import type { Logger } from '../logger.ts';
import { compareKeyed, ipKey } from './device-query.ts';
import { IndexedLiveState } from './indexed-live-state.ts';
import { LiveRowCache } from './live-row-cache.ts';

/** What the index needs of the live hub (live-hub.ts `reloadDevices`). */
export interface DeviceReloader {
  reloadDevices(gatewayIDs: readonly string[]): Promise<boolean>;
}

/**
 * Every device of the index in one order: entry i is device ids[i] on gateways[slots[i]], whose
 * current object is refs[i] (a re-read replaces a gateway's objects: refreshed per gateway).
 */
export interface Ordering {
  ids: Uint32Array;
  slots: Uint16Array;
  gateways: GatewayState[];
  refs: LiveDevice[];
  /** readSeqOf each slot's gateway when its refs were taken */
  seen: Float64Array;
}

interface StaleMark {
  /** The console's changes on this gateway still running. */
  open: number;
  /** Tick at which the last one ended: only a re-read asked for after it may clear the mark. */
  endedAt: number;
}

export const DEFAULT_RESYNC_MS = 30_000;

export class DeviceIndex {
  readonly state = new IndexedLiveState();
  readonly rows = new LiveRowCache();
  private hub: DeviceReloader | undefined;
  private readonly stale = new Map<string, StaleMark>();
  private tick = 0;
  private timer: NodeJS.Timeout | undefined;
  /** Turns of the background re-read taken so far (which gateway is next). */
  private resyncTurn = 0;
  private readonly orderings = new Map<string, { version: number; ordering: Ordering }>();
  private rowsVersion = -1;

  constructor(private readonly options: { resyncMs?: number; logger: Logger }) {}

  /** Starts serving from the hub's state (the hub must have been created with `this.state`). */
  attach(hub: DeviceReloader): void {
    this.hub = hub;
    this.scheduleResync(this.resyncMs);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.hub = undefined;
  }

  private get resyncMs(): number {
    return this.options.resyncMs ?? DEFAULT_RESYNC_MS;
  }

  private scheduleResync(ms: number): void {
    this.timer = setTimeout(() => this.resyncNextGateway(), ms);
    this.timer.unref();
  }

  /** Re-reads the next gateway in turn; each gateway's turn comes every resyncMs. */
  private resyncNextGateway(): void {
    if (!this.hub) return;
    const ids = [...this.state.gateways.keys()].sort();
    const id = ids[this.resyncTurn++ % Math.max(ids.length, 1)];
    if (id !== undefined) void this.resync([id]);
    this.scheduleResync(this.resyncMs / Math.max(ids.length, 1));
  }

  /** The gateway's state when its list may be served from memory now, else undefined (read through). */
  servable(gatewayID: string): GatewayState | undefined {
    if (!this.hub || this.stale.has(gatewayID)) return undefined;
    const gw = this.state.gateways.get(gatewayID);
    if (!gw || gw.degradedBy.size > 0 || gw.connected !== true) return undefined;
    return this.state.readSeqOf(gatewayID) > 0 ? gw : undefined;
  }

  /** Whether a gateway is waiting for a re-read after one of the console's changes (tests, metrics). */
  isStale(gatewayID: string): boolean {
    return this.stale.has(gatewayID);
  }

  /**
   * One of the console's own changes starts on these gateways: they are read through until the hub
   * has re-read them after the returned `ended` is called.
   */
  changing(gatewayIDs: readonly string[]): () => void {
    for (const id of gatewayIDs) {
      const mark = this.stale.get(id) ?? { open: 0, endedAt: 0 };
      mark.open += 1;
      this.stale.set(id, mark);
    }
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const at = ++this.tick;
      for (const id of gatewayIDs) {
        const mark = this.stale.get(id);
        if (!mark) continue;
        mark.open -= 1;
        mark.endedAt = at;
      }
      void this.resync(gatewayIDs);
    };
  }

  /** Gateways of a tenant the hub follows (a change the index cannot place on one gateway). */
  gatewaysOfTenant(tenantID: string): string[] {
    const ids: string[] = [];
    for (const gw of this.state.gateways.values())
      if (gw.tenantID === tenantID) ids.push(gw.gatewayID);
    return ids;
  }

  /**
   * Re-reads these gateways (default: every followed one); also clears their marks whose change
   * ended. The background re-read calls it with one gateway a turn (resyncNextGateway).
   */
  async resync(gatewayIDs: readonly string[] = [...this.state.gateways.keys()]): Promise<void> {
    const hub = this.hub;
    if (!hub) {
      for (const id of gatewayIDs) if (this.stale.get(id)?.open === 0) this.stale.delete(id);
      return;
    }
    const askedAt = ++this.tick;
    const seqBefore = new Map(gatewayIDs.map((id) => [id, this.state.readSeqOf(id)]));
    try {
      await hub.reloadDevices(gatewayIDs);
    } catch (error) {
      this.options.logger.warn('device index: re-read failed', { error });
    }
    for (const id of gatewayIDs) {
      const mark = this.stale.get(id);
      if (!mark || mark.open > 0 || mark.endedAt > askedAt) continue;
      // Only a read that happened: a failed one leaves the gateway read through until the next.
      if (this.state.readSeqOf(id) > (seqBefore.get(id) ?? 0)) this.stale.delete(id);
      else if (!this.state.gateways.has(id)) this.stale.delete(id);
    }
  }

  /**
   * Every device in `sort` order (deviceID or IPAddr; ties by device ID), rebuilt only when devices
   * joined or left (or, for IPAddr, changed address) since the last build.
   */
  ordering(sort: 'deviceID' | 'IPAddr', order: 'asc' | 'desc'): Ordering {
    const key = sort === 'deviceID' ? 'deviceID' : `IPAddr:${order}`;
    const version = sort === 'deviceID' ? this.state.membership : this.state.addresses;
    const cached = this.orderings.get(key);
    if (cached?.version === version) return this.refreshed(cached.ordering);
    const ordering = this.build(sort, order === 'desc' ? -1 : 1);
    this.orderings.set(key, { version, ordering });
    if (this.rowsVersion !== this.state.membership) {
      // Devices left: their cached rows go too.
      this.rowsVersion = this.state.membership;
      this.rows.retain((id) => this.state.gatewayOf(id) !== undefined);
    }
    return ordering;
  }

  /** Takes the current objects of gateways re-read since (same devices, so the order holds). */
  private refreshed(o: Ordering): Ordering {
    let changed: Uint8Array | undefined;
    o.gateways.forEach((gw, slot) => {
      const seq = this.state.readSeqOf(gw.gatewayID);
      if (seq === o.seen[slot]) return;
      changed ??= new Uint8Array(o.gateways.length);
      changed[slot] = 1;
      o.seen[slot] = seq;
    });
    if (!changed) return o;
    for (let i = 0; i < o.ids.length; i++) {
      const slot = o.slots[i]!;
      if (changed[slot] === 1) o.refs[i] = o.gateways[slot]!.devices.get(o.ids[i]!)!;
    }
    return o;
  }

  private build(sort: 'deviceID' | 'IPAddr', dir: 1 | -1): Ordering {
    const gateways = [...this.state.gateways.values()];
    let n = 0;
    for (const gw of gateways) n += gw.devices.size;
    const entries = new Array<{ id: number; slot: number; k: string | number; d: LiveDevice }>(n);
    let i = 0;
    const seen = new Float64Array(gateways.length);
    gateways.forEach((gw, slot) => {
      seen[slot] = this.state.readSeqOf(gw.gatewayID);
      for (const d of gw.devices.values())
        entries[i++] = {
          id: d.deviceID,
          slot,
          k: sort === 'IPAddr' ? ipKey(d.IPAddr) : d.deviceID,
          d,
        };
    });
    entries.sort((a, b) => compareKeyed(a.k, a.id, b.k, b.id, dir));
    const ids = new Uint32Array(n);
    const slots = new Uint16Array(n);
    const refs = new Array<LiveDevice>(n);
    for (let j = 0; j < n; j++) {
      ids[j] = entries[j]!.id;
      slots[j] = entries[j]!.slot;
      refs[j] = entries[j]!.d;
    }
    return { ids, slots, gateways, refs, seen };
  }
}

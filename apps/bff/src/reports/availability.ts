// Availability of one device over [from, to), folded from its status changes in time order, so a
// report over 30 days of history needs one small state per device, not the rows in memory.
// Connected = TCP_CONNECTED or TLS_CONNECTED; an outage is a stretch of any other status. Time
// before the first known status is unobserved: it counts neither as up nor as down.
import { isConnectedStatus } from '@cmc/gsdk/names';

export interface DeviceFigures {
  observedMs: number;
  connectedMs: number;
  /** connected -> not connected inside the range */
  drops: number;
  /** longest not-connected stretch, clipped to the range */
  longestOutageMs: number;
  /** lengths of the outages that began with a drop and ended with a reconnect, both in range */
  reconnectsMs: number[];
  downAtEnd: boolean;
}

export class AvailabilityFold {
  private state: boolean | null;
  private since: number;
  private outageStart: number | null;
  private outageFromDrop = false;
  private readonly figures: DeviceFigures = {
    observedMs: 0,
    connectedMs: 0,
    drops: 0,
    longestOutageMs: 0,
    reconnectsMs: [],
    downAtEnd: false,
  };

  /** `initialStatus`: the last status before `from` (null when none is known). */
  constructor(
    private readonly from: number,
    private readonly to: number,
    initialStatus: number | null,
  ) {
    this.state = initialStatus === null ? null : isConnectedStatus(initialStatus);
    this.since = from;
    // Already down at the start: an outage, but its drop happened before the range.
    this.outageStart = this.state === false ? from : null;
  }

  /** A status change; changes must come in time order. Those outside [from, to) are clipped. */
  add(at: number, status: number): void {
    const t = Math.min(Math.max(at, this.from), this.to);
    if (t < this.since) throw new RangeError(`availability: change at ${at} before ${this.since}`);
    const next = isConnectedStatus(status);
    this.account(t);
    if (this.state !== false && !next) {
      // up -> down is a drop; unknown -> down starts an outage we did not see begin
      if (this.state === true) this.figures.drops++;
      this.outageFromDrop = this.state === true;
      this.outageStart = t;
    } else if (this.state === false && next) {
      this.endOutage(t, true);
    }
    this.state = next;
  }

  finish(): DeviceFigures {
    this.account(this.to);
    if (this.state === false) this.endOutage(this.to, false);
    this.figures.downAtEnd = this.state === false;
    return this.figures;
  }

  private account(t: number): void {
    if (this.state !== null) {
      const span = t - this.since;
      this.figures.observedMs += span;
      if (this.state) this.figures.connectedMs += span;
    }
    this.since = t;
  }

  private endOutage(t: number, reconnected: boolean): void {
    const length = t - (this.outageStart ?? t);
    this.figures.longestOutageMs = Math.max(this.figures.longestOutageMs, length);
    if (reconnected && this.outageFromDrop) this.figures.reconnectsMs.push(length);
    this.outageStart = null;
    this.outageFromDrop = false;
  }
}

export interface Aggregate {
  devices: number;
  observedMs: number;
  connectedMs: number;
  drops: number;
  longestOutageMs: number;
  reconnects: number;
  reconnectTotalMs: number;
  downAtEnd: number;
}

export function emptyAggregate(): Aggregate {
  return {
    devices: 0,
    observedMs: 0,
    connectedMs: 0,
    drops: 0,
    longestOutageMs: 0,
    reconnects: 0,
    reconnectTotalMs: 0,
    downAtEnd: 0,
  };
}

/** Adds one device's figures to a gateway's or tenant's: time sums, max outage, pooled reconnects. */
export function addTo(total: Aggregate, f: DeviceFigures): void {
  total.devices++;
  total.observedMs += f.observedMs;
  total.connectedMs += f.connectedMs;
  total.drops += f.drops;
  total.longestOutageMs = Math.max(total.longestOutageMs, f.longestOutageMs);
  total.reconnects += f.reconnectsMs.length;
  for (const ms of f.reconnectsMs) total.reconnectTotalMs += ms;
  if (f.downAtEnd) total.downAtEnd++;
}

export function percentOf(a: { observedMs: number; connectedMs: number }): number | null {
  return a.observedMs > 0 ? (a.connectedMs / a.observedMs) * 100 : null;
}

export function meanReconnectMs(a: Aggregate): number | null {
  return a.reconnects > 0 ? a.reconnectTotalMs / a.reconnects : null;
}

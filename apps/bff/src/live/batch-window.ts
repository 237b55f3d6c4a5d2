// How long the delta batch window stays open after a send. A send costs CPU per socket (one frame
// each), so a fixed window is either slow for a few sockets or too busy for many. The window follows
// what sends cost: after sends averaging c ms it is c x (1 - duty) / duty long, so fan-out takes at
// most about `duty` of the event loop however many sockets there are. It is never shorter than minMs
// (a socket gets at most 1000 / minMs frames per second) nor longer than maxMs (the latency bound).

export interface WindowPolicy {
  /** Shortest window: bounds frames per socket when sends are cheap. */
  minMs: number;
  /** Longest window: no change waits longer than this for its batch. */
  maxMs: number;
  /** Share of the event loop that sends may take (0 < duty <= 1). */
  duty: number;
}

/** A fixed window is a policy whose bounds are equal. */
export function fixedWindow(ms: number): WindowPolicy {
  return { minMs: ms, maxMs: ms, duty: 1 };
}

/** The hub's window: at least 1 ms (<= 1,000 frames/s per socket), at most `maxMs` (the setting). */
export function adaptiveWindow(maxMs: number): WindowPolicy {
  return { minMs: Math.min(MIN_WINDOW_MS, maxMs), maxMs, duty: SEND_DUTY };
}
/**
 * 1 ms: at 1,000 changes/s with 200 sessions sends cost well under a millisecond, so this bound is
 * the window. Against 2 ms, three interleaved runs of issue 12's bench (100,000 devices) measured the
 * probe's median 2.82 / 2.37 / 2.17 ms against 2.74 / 2.86 / 2.85 and its p99 15.6 / 10.1 / 12.7 ms
 * against 16.5 / 17.3 / 15.6, with the BFF's CPU unchanged (31-37 %). A timer fires up to 1 ms
 * late, so a 2 ms window was a 2-3 ms wait.
 */
const MIN_WINDOW_MS = 1;
/**
 * Sends may take about 60 % of the event loop (the rest decodes streams, answers REST; history is
 * written on a worker thread): a send to 200 sockets costs ~2-7 ms here (one writev per socket),
 * and a change waits half a window on average, so the window is two thirds of the send cost. Half
 * (window = cost) measured p50 3.13 ms at 200 sessions against the 3 ms target, with the loop's p99
 * at 9.5 ms; a quarter stretched the window to the 10 ms bound at 200 sessions already.
 */
const SEND_DUTY = 0.6;

/** Weight of the newest send in the running cost: one slow send (a GC pause) moves it by a fifth. */
const NEWEST_WEIGHT = 0.2;

export class BatchWindow {
  private cost: number | undefined;
  private readonly stretch: number;

  constructor(private readonly policy: WindowPolicy) {
    const { minMs, maxMs, duty } = policy;
    if (!Number.isFinite(minMs) || minMs < 0)
      throw new Error(`live: batch window must be >= 0 ms, got ${minMs}`);
    if (!Number.isFinite(maxMs) || maxMs < minMs)
      throw new Error(`live: longest batch window must be >= ${minMs} ms, got ${maxMs}`);
    if (!(duty > 0 && duty <= 1))
      throw new Error(`live: batch send duty must be in (0, 1], got ${duty}`);
    this.stretch = (1 - duty) / duty;
  }

  /** Records what one send took and returns the window to open after it. */
  next(sendMs: number): number {
    // A single send far beyond the bound (a long GC pause) says nothing about the next ones.
    const sample = Math.min(Math.max(sendMs, 0), this.policy.maxMs * 4);
    this.cost = this.cost === undefined ? sample : this.cost + NEWEST_WEIGHT * (sample - this.cost);
    return this.current();
  }

  /** The window as it stands (minMs until a send has been measured). */
  current(): number {
    const { minMs, maxMs } = this.policy;
    const wanted = (this.cost ?? 0) * this.stretch;
    return Math.min(maxMs, Math.max(minMs, wanted));
  }
}

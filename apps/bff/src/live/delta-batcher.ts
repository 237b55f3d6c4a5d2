// Collects what changed per gateway and hands out everything pending in one batch per window (one
// timer for all gateways), so a burst of status changes becomes one socket frame per window rather
// than one per gateway. Leading edge: a change that arrives while the window is idle goes out at the
// end of the current event-loop turn (setImmediate, so a synchronous burst such as one list diff
// still travels together) and opens the window; changes during the window go out at its end. A
// lone change therefore waits ~0 ms, and no change waits longer than the window. The window's length
// follows what sends cost (batch-window.ts): short while few sockets listen, longer under load.
import { performance } from 'node:perf_hooks';
import type { LiveChange, LiveDevice } from '@cmc/api';
import { BatchWindow, fixedWindow, type WindowPolicy } from './batch-window.ts';

export interface PendingDelta {
  changes: LiveChange[];
  added: LiveDevice[];
  removed: number[];
  gateway?: { connected: boolean; at: number };
}

export interface DeltaBatcher {
  change(gatewayID: string, change: LiveChange): void;
  added(gatewayID: string, device: LiveDevice): void;
  removed(gatewayID: string, deviceID: number): void;
  gateway(gatewayID: string, connected: boolean, at: number): void;
  /** Emits everything pending now (before a mode event, so deltas and modes stay in order). */
  flush(): void;
  /** Drops pending items and the timers. */
  stop(): void;
}

interface DeviceIds {
  added: Set<number>;
  removed: Set<number>;
  changed: Set<number>;
}

/** One batch: gateway ID -> what changed on it, in the order the gateways first changed. */
export type DeltaBatch = ReadonlyMap<string, PendingDelta>;

/**
 * `window`: a fixed window in ms, or a policy whose window adapts to the cost of sends.
 * `clock` (ms, tests): what measures a send; performance.now by default.
 */
export function createDeltaBatcher(
  window: number | WindowPolicy,
  emit: (batch: DeltaBatch) => void,
  clock: () => number = () => performance.now(),
): DeltaBatcher {
  const sizer = new BatchWindow(typeof window === 'number' ? fixedWindow(window) : window);
  let nextWindowMs = sizer.current();
  let pending = new Map<string, PendingDelta>();
  /**
   * Which devices each pending delta's lists hold, so a device added, removed or changed again is
   * found without scanning them: a gateway's first list adds up to ~1,000 devices in one window,
   * and filtering the pending lists on every one of them was quadratic. Keyed by the delta, so the
   * index goes with the batch it describes.
   */
  const idsOf = new WeakMap<PendingDelta, DeviceIds>();
  /** Set while the window is open: changes wait for its end. */
  let windowTimer: NodeJS.Timeout | undefined;
  /** Set while a leading-edge send is scheduled for the end of this turn. */
  let leading: NodeJS.Immediate | undefined;
  let stopped = false;

  const slot = (gatewayID: string): [PendingDelta, DeviceIds] => {
    let p = pending.get(gatewayID);
    let ids = p && idsOf.get(p);
    if (!p || !ids) {
      p = { changes: [], added: [], removed: [] };
      ids = { added: new Set(), removed: new Set(), changed: new Set() };
      pending.set(gatewayID, p);
      idsOf.set(p, ids);
    }
    if (!windowTimer && !leading && !stopped) leading = setImmediate(sendLeading);
    return [p, ids];
  };

  function emitPending(): boolean {
    if (pending.size === 0) return false;
    const out = pending;
    pending = new Map();
    const started = clock();
    emit(out);
    nextWindowMs = sizer.next(clock() - started);
    return true;
  }

  function openWindow(): void {
    windowTimer = setTimeout(windowEnd, nextWindowMs);
  }

  function sendLeading(): void {
    leading = undefined;
    if (stopped) return;
    // A flush() earlier in this turn may have sent it already; then the window stays idle.
    if (emitPending()) openWindow();
  }

  function windowEnd(): void {
    windowTimer = undefined;
    if (stopped) return;
    // Something arrived during the window: send it and keep the window going; otherwise go idle,
    // so the next change is a leading edge again.
    if (emitPending()) openWindow();
  }

  // A client applies a delta as removed, then added, then changes. Within one window a device can
  // change and then leave (or leave and come back), so each kind is kept consistent with the last
  // thing that happened to the device: removal drops its earlier rows, an added row supersedes them.
  return {
    change: (gatewayID, change) => {
      const [p, m] = slot(gatewayID);
      p.changes.push(change);
      m.changed.add(change.deviceID);
    },
    added: (gatewayID, device) => {
      const [p, m] = slot(gatewayID);
      const id = device.deviceID;
      if (m.removed.delete(id)) p.removed = p.removed.filter((r) => r !== id);
      if (m.changed.delete(id)) p.changes = p.changes.filter((c) => c.deviceID !== id);
      if (m.added.has(id)) p.added = p.added.filter((d) => d.deviceID !== id);
      p.added.push(device);
      m.added.add(id);
    },
    removed: (gatewayID, deviceID) => {
      const [p, m] = slot(gatewayID);
      if (m.changed.delete(deviceID)) p.changes = p.changes.filter((c) => c.deviceID !== deviceID);
      if (m.added.delete(deviceID)) p.added = p.added.filter((d) => d.deviceID !== deviceID);
      if (!m.removed.has(deviceID)) {
        p.removed.push(deviceID);
        m.removed.add(deviceID);
      }
    },
    gateway: (gatewayID, connected, at) => {
      slot(gatewayID)[0].gateway = { connected, at };
    },
    flush: () => void emitPending(),
    stop() {
      stopped = true;
      if (windowTimer) clearTimeout(windowTimer);
      if (leading) clearImmediate(leading);
      windowTimer = undefined;
      leading = undefined;
      pending = new Map();
    },
  };
}

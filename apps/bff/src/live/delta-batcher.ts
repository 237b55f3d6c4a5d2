// Collects what changed per gateway and hands it out at most once per window, so a burst of status
// changes becomes one delta per gateway instead of one socket message per change. The window starts
// at the first change after a flush (not sliding), so no change waits longer than windowMs.
import type { LiveChange, LiveDevice } from '@cmc/api';

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
  /** Drops pending items and the timer. */
  stop(): void;
}

export function createDeltaBatcher(
  windowMs: number,
  emit: (gatewayID: string, delta: PendingDelta) => void,
): DeltaBatcher {
  if (!Number.isFinite(windowMs) || windowMs < 0)
    throw new Error(`live: batch window must be >= 0 ms, got ${windowMs}`);
  let pending = new Map<string, PendingDelta>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const slot = (gatewayID: string): PendingDelta => {
    let p = pending.get(gatewayID);
    if (!p) pending.set(gatewayID, (p = { changes: [], added: [], removed: [] }));
    if (!timer && !stopped) timer = setTimeout(flush, windowMs);
    return p;
  };

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending.size === 0) return;
    const out = pending;
    pending = new Map();
    for (const [gatewayID, delta] of out) emit(gatewayID, delta);
  }

  // A client applies a delta as removed, then added, then changes. Within one window a device can
  // change and then leave (or leave and come back), so each kind is kept consistent with the last
  // thing that happened to the device: removal drops its earlier rows, an added row supersedes them.
  return {
    change: (gatewayID, change) => void slot(gatewayID).changes.push(change),
    added: (gatewayID, device) => {
      const p = slot(gatewayID);
      p.removed = p.removed.filter((id) => id !== device.deviceID);
      p.changes = p.changes.filter((c) => c.deviceID !== device.deviceID);
      p.added = [...p.added.filter((d) => d.deviceID !== device.deviceID), device];
    },
    removed: (gatewayID, deviceID) => {
      const p = slot(gatewayID);
      p.changes = p.changes.filter((c) => c.deviceID !== deviceID);
      p.added = p.added.filter((d) => d.deviceID !== deviceID);
      if (!p.removed.includes(deviceID)) p.removed.push(deviceID);
    },
    gateway: (gatewayID, connected, at) => {
      slot(gatewayID).gateway = { connected, at };
    },
    flush,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = new Map();
    },
  };
}

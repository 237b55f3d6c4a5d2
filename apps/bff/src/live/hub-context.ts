// What the feeds share inside one hub: the state, the batcher, history and the mode switches.
import { DeviceStatus } from '@cmc/gsdk/names';
import { statusValueOf } from './live-names.ts';
import type { GatewayMemory } from '../gateways/gateway-memory.ts';
import type { DeltaBatcher } from './delta-batcher.ts';
import type { GatewayDiff, LiveState } from './live-state.ts';
import type { LiveHistory, LivePool, Logger, StatusStreams } from './types.ts';

export interface HubContext {
  state: LiveState;
  batcher: DeltaBatcher;
  history: LiveHistory;
  pool: LivePool;
  logger: Logger;
  streams: StatusStreams;
  /** Devices of gateways that left the master, and what they lost on coming back (optional). */
  memory?: GatewayMemory | undefined;
  /** Marks these gateways degraded for `key` (one per stream) and tells their rooms. */
  setDegraded(key: string, gatewayIDs: string[], reason: string): void;
  /** Clears `key`; gateways with no key left go live and their rooms are told. */
  setLive(key: string, gatewayIDs: string[]): void;
  /** Re-reads tenants (new tenants get a feed, new gateways are loaded). */
  refreshTenants(): Promise<void>;
  /**
   * Re-reads the device lists of the tenant owning this gateway. A gateway that leaves or rejoins
   * the master changes its managed list without a device-status event for every device.
   */
  reloadDevicesOf(gatewayID: string): void;
}

/**
 * Queues a device-list diff as deltas and feeds every status it carries to history. When another
 * instance holds the master stream (`record` false) that one writes the shared table; this one only
 * keeps its in-memory facts current.
 */
export function publishDiffs(
  ctx: HubContext,
  diffs: Map<string, GatewayDiff>,
  record = true,
): void {
  for (const [gatewayID, diff] of diffs) {
    for (const device of diff.added) {
      ctx.batcher.added(gatewayID, device);
      recordSafely(ctx, record, {
        deviceID: device.deviceID,
        gatewayID,
        status: statusValueOf(device.status),
        at: Date.now(),
      });
    }
    for (const change of diff.changes) {
      ctx.batcher.change(gatewayID, change);
      recordSafely(ctx, record, {
        deviceID: change.deviceID,
        gatewayID,
        status: statusValueOf(change.status),
        at: change.at,
      });
    }
    for (const deviceID of diff.removed) {
      ctx.batcher.removed(gatewayID, deviceID);
      // Off the managed list is not connected: history (and the connected series) must say so
      // even when the master sent no DISCONNECTED for it (a gateway leaving the master).
      recordSafely(ctx, record, {
        deviceID,
        gatewayID,
        status: DeviceStatus.DISCONNECTED,
        at: Date.now(),
      });
    }
  }
}

/** History must never stop the live path: a bad record is logged and skipped. */
export function recordSafely(
  ctx: HubContext,
  persist: boolean,
  change: { deviceID: number; gatewayID: string; status: number; at: number },
): void {
  try {
    if (persist) ctx.history.record(change);
    else ctx.history.observe(change);
  } catch (error) {
    ctx.logger.warn('live: status change not recorded in history', {
      error,
      deviceID: change.deviceID,
    });
  }
}

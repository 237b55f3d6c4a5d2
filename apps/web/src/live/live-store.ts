import { useSyncExternalStore } from 'react';
import type { LiveMode } from '@cmc/api';

export interface FeedItem {
  key: string;
  deviceID: number;
  gatewayID: string;
  statusName: string;
  at: number;
}

export interface LiveState {
  /** socket transport: connecting until the first snapshot, offline when the socket is down. */
  connection: 'connecting' | 'online' | 'offline';
  mode: LiveMode;
  degradedGateways: readonly string[];
  reason: string | null;
  /** Newest first, bounded. */
  feed: readonly FeedItem[];
  gatewayConnected: Readonly<Record<string, boolean>>;
}

const FEED_LIMIT = 50;

let state: LiveState = {
  connection: 'connecting',
  mode: 'live',
  degradedGateways: [],
  reason: null,
  feed: [],
  gatewayConnected: {},
};
const listeners = new Set<() => void>();

function set(next: Partial<LiveState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

export const liveStore = {
  get: (): LiveState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  setConnection(connection: LiveState['connection']): void {
    if (state.connection !== connection) set({ connection });
  },
  setMode(mode: LiveMode, gatewayIDs: readonly string[], reason: string | null): void {
    const degraded = new Set(state.degradedGateways);
    for (const id of gatewayIDs) {
      if (mode === 'degraded') degraded.add(id);
      else degraded.delete(id);
    }
    // A gateway recovering while others are still down keeps the reason they went down for.
    const nextReason =
      degraded.size === 0 ? null : mode === 'degraded' ? (reason ?? state.reason) : state.reason;
    set({
      mode: degraded.size > 0 ? 'degraded' : 'live',
      degradedGateways: [...degraded],
      reason: nextReason,
    });
  },
  resetMode(mode: LiveMode, degradedGateways: readonly string[]): void {
    set({ mode, degradedGateways, reason: null });
  },
  pushFeed(items: readonly FeedItem[]): void {
    if (items.length === 0) return;
    set({ feed: [...items].reverse().concat(state.feed).slice(0, FEED_LIMIT) });
  },
  setGatewayConnected(gatewayID: string, connected: boolean): void {
    if (state.gatewayConnected[gatewayID] === connected) return;
    set({ gatewayConnected: { ...state.gatewayConnected, [gatewayID]: connected } });
  },
  reset(): void {
    set({
      connection: 'connecting',
      mode: 'live',
      degradedGateways: [],
      reason: null,
      feed: [],
      gatewayConnected: {},
    });
  },
};

export function useLiveState<T>(select: (s: LiveState) => T): T {
  return useSyncExternalStore(liveStore.subscribe, () => select(liveStore.get()));
}

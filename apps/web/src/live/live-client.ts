import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { io, type Socket } from 'socket.io-client';
import {
  LIVE_UNAUTHORIZED,
  modeEventSchema,
  snapshotEventSchema,
  type DeltaEvent,
  type LiveClientToServerEvents,
  type LiveServerToClientEvents,
  type SnapshotEvent,
} from '@cmc/api';
import { queryKeys } from '../lib/query-keys.ts';
import { publishAppSocket } from './app-socket.ts';
import { dependsOnStatus } from './apply-changes.ts';
import { parseDeltas, takeDeltas } from './delta-intake.ts';
import { createLiveCache } from './live-cache.ts';
import { liveStore } from './live-store.ts';
import { throttle } from './throttle.ts';
import { isOwnSignOut } from '../lib/own-sign-out.ts';

type LiveSocket = Socket<LiveServerToClientEvents, LiveClientToServerEvents>;

const FLUSH_MS = 100;

/**
 * The one live-status connection of the app. Socket events flow into the same TanStack Query
 * cache the screens read (live-cache.ts): device rows are patched in place (only the rows that
 * changed get new objects), devices joining or leaving a list are inserted into or taken out of the
 * cached pages, and only pages the client cannot patch exactly are re-read; aggregates (gateway
 * counts, charts) are invalidated at most every few seconds.
 */
export function startLiveStatus(queryClient: QueryClient, onUnauthorized: () => void): () => void {
  const socket: LiveSocket = io({
    path: '/socket.io',
    withCredentials: true,
    transports: ['websocket', 'polling'],
    // One `deltas` frame per server batch window instead of one `delta` per gateway; snapshots
    // with the gateways' states only (the rows come from the pages the screens read, re-read
    // after each join: live-cache.ts), not 100,000 devices per join.
    auth: { deltas: true, snapshot: 'gateways' },
  });
  const lastSeq = new Map<string, number>();
  const cache = createLiveCache(queryClient);

  const refreshAggregates = throttle(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.gateways });
  }, 3000);
  // Rows are patched in place, so only pages whose membership or order depends on the status
  // (status filter, status / last-connected sort) need the server again, and at most every 5 s:
  // re-reading 10,000 rows per delta would defeat the point.
  const refreshLists = throttle(() => {
    void queryClient.invalidateQueries({
      queryKey: queryKeys.deviceLists(),
      predicate: (q) => dependsOnStatus(q.queryKey[2]),
    });
  }, 5000);

  // A gateway leaving or rejoining the master changes how all its rows read (offline / live).
  const refreshGatewayRows = throttle(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.deviceLists() });
    void queryClient.invalidateQueries({ queryKey: queryKeys.deviceDetails() });
  }, 2000);

  // Cache entries live-cache.ts could not patch exactly, each re-read once per burst.
  const staleKeys = new Map<string, QueryKey>();
  const refreshStale = throttle(() => {
    const keys = [...staleKeys.values()];
    staleKeys.clear();
    for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey, exact: true });
  }, 1000);
  function markStale(keys: readonly QueryKey[]) {
    if (keys.length === 0) return;
    for (const key of keys) staleKeys.set(hashKey(key), key);
    refreshStale();
  }

  function join(gatewayIDs: 'all' | string[]) {
    socket.emit('join', { gatewayIDs }, (ack) => {
      if (!ack.ok) {
        liveStore.setMode('degraded', ack.gatewayID ? [ack.gatewayID] : ['*'], ack.message);
        if (ack.error === 'unauthorized') onUnauthorized();
      }
    });
  }

  function onSnapshot(raw: unknown) {
    const parsed = snapshotEventSchema.safeParse(raw);
    if (!parsed.success) return console.error('live: bad snapshot', parsed.error);
    const snapshot: SnapshotEvent = parsed.data;
    for (const g of snapshot.gateways) {
      lastSeq.set(g.gatewayID, g.seq);
      liveStore.setGatewayConnected(g.gatewayID, g.connected);
    }
    liveStore.resetMode(
      snapshot.mode,
      snapshot.gateways.filter((g) => g.mode === 'degraded').map((g) => g.gatewayID),
    );
    liveStore.setConnection('online');
    markStale(cache.applySnapshot(snapshot, Date.now()));
    // On a page load the summaries are usually still being read (the route loader starts them with
    // the device list): let that read answer instead of cancelling it for a second one. Changes
    // after the snapshot arrive as deltas, which refresh the counts again.
    void queryClient.invalidateQueries({ queryKey: queryKeys.gateways }, { cancelRefetch: false });
  }

  // Deltas arrive up to ~100 times a second (one batch per server window). They are collected and
  // applied together at most every FLUSH_MS, so the cache (and the 10,000-row table) updates a
  // few times a second instead of once per server batch.
  let pending: DeltaEvent[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | null = null;

  function flush() {
    flushTimer = null;
    const batch = pending;
    pending = [];
    markStale(cache.applyDeltas(batch, Date.now()));
    liveStore.pushFeed(
      batch.flatMap((d) =>
        d.changes.map((c) => ({
          key: `${d.gatewayID}:${d.seq}:${c.deviceID}:${c.at}`,
          deviceID: c.deviceID,
          gatewayID: c.gatewayID,
          statusName: c.status,
          at: c.at,
        })),
      ),
    );
    for (const d of batch)
      if (d.gateway) liveStore.setGatewayConnected(d.gatewayID, d.gateway.connected);
    if (batch.some((d) => d.gateway !== undefined)) refreshGatewayRows();
    // A rejoin may have lost session-only connections, which the BFF names before the removals.
    if (
      batch.some(
        (d) =>
          d.gateway !== undefined || (d.added?.length ?? 0) > 0 || (d.removed?.length ?? 0) > 0,
      )
    )
      void queryClient.invalidateQueries({ queryKey: queryKeys.lostConnections });
    if (batch.some((d) => d.changes.length > 0)) refreshLists();
    refreshAggregates();
  }

  function onDeltas(event: 'delta' | 'deltas', raw: unknown) {
    const parsed = parseDeltas(event, raw);
    if (!parsed.ok) return console.error(`live: ${parsed.message}`);
    const stale = takeDeltas(lastSeq, parsed.deltas);
    // Missed events: statuses are absolute, so apply this batch and ask for a fresh snapshot.
    if (stale.length > 0) join(stale);
    pending.push(...parsed.deltas);
    flushTimer ??= setTimeout(flush, FLUSH_MS);
  }

  function onMode(raw: unknown) {
    const parsed = modeEventSchema.safeParse(raw);
    if (!parsed.success) return console.error('live: bad mode event', parsed.error);
    liveStore.setMode(parsed.data.mode, parsed.data.gatewayIDs, parsed.data.reason ?? null);
    // Back to live after reconciliation: re-read what the reconciliation may have changed.
    if (parsed.data.mode === 'live') {
      void queryClient.invalidateQueries({ queryKey: queryKeys.devices });
      refreshAggregates();
    }
  }

  socket.on('connect', () => join('all'));
  socket.on('snapshot', onSnapshot);
  socket.on('delta', (raw) => onDeltas('delta', raw));
  socket.on('deltas', (raw) => onDeltas('deltas', raw));
  socket.on('mode', onMode);
  socket.on('problem', (p) => console.warn('live: server refused', p));
  // The session ended (signed out, password reset, account deleted, expired), maybe in another
  // tab: stop at once and go to sign-in — unless this tab is already on its way there.
  socket.on('signed-out', () => {
    socket.disconnect();
    liveStore.setConnection('offline');
    if (!window.location.pathname.startsWith('/sign-in') && !isOwnSignOut()) onUnauthorized();
  });
  socket.on('disconnect', () => liveStore.setConnection('offline'));
  socket.on('connect_error', (error) => {
    liveStore.setConnection('offline');
    if (error.message === LIVE_UNAUTHORIZED) {
      socket.disconnect();
      onUnauthorized();
    }
  });

  // Alarm events ride on this connection too (app-socket.ts).
  publishAppSocket(socket as unknown as Socket);

  return () => {
    publishAppSocket(undefined);
    if (flushTimer) clearTimeout(flushTimer);
    refreshAggregates.cancel();
    refreshLists.cancel();
    refreshGatewayRows.cancel();
    refreshStale.cancel();
    cache.stop();
    socket.removeAllListeners();
    socket.disconnect();
    liveStore.reset();
  };
}

import type { QueryClient } from '@tanstack/react-query';
import { io, type Socket } from 'socket.io-client';
import {
  deltaEventSchema,
  LIVE_UNAUTHORIZED,
  modeEventSchema,
  snapshotEventSchema,
  type DeltaEvent,
  type DeviceDetail,
  type DeviceList,
  type LiveChange,
  type LiveClientToServerEvents,
  type LiveServerToClientEvents,
  type SnapshotEvent,
} from '@cmc/api';
import { queryKeys } from '../lib/query-keys.ts';
import { applyChangesToDetail, applyChangesToPage, latestByDevice, sequenceGap } from './apply-changes.ts';
import { liveStore } from './live-store.ts';
import { throttle } from './throttle.ts';

type LiveSocket = Socket<LiveServerToClientEvents, LiveClientToServerEvents>;

/**
 * The one live-status connection of the app. Socket events flow into the same TanStack Query
 * cache the screens read: device rows are patched in place (only the rows that changed get new
 * objects), aggregates (gateway counts, charts) are invalidated at most every few seconds.
 */
export function startLiveStatus(queryClient: QueryClient, onUnauthorized: () => void): () => void {
  const socket: LiveSocket = io({ path: '/socket.io', withCredentials: true, transports: ['websocket', 'polling'] });
  const lastSeq = new Map<string, number>();

  const refreshAggregates = throttle(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.gateways });
  }, 3000);
  // Membership of filtered/sorted pages may change with statuses; refetch them now and then
  // rather than on every delta.
  const refreshLists = throttle(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.deviceLists() });
  }, 5000);

  function join(gatewayIDs: 'all' | string[]) {
    socket.emit('join', { gatewayIDs }, (ack) => {
      if (!ack.ok) {
        liveStore.setMode('degraded', ack.gatewayID ? [ack.gatewayID] : ['*'], ack.message);
        if (ack.error === 'unauthorized') onUnauthorized();
      }
    });
  }

  function applyChanges(changes: readonly LiveChange[]) {
    if (changes.length === 0) return;
    const latest = latestByDevice(changes);
    for (const [key, page] of queryClient.getQueriesData<DeviceList>({ queryKey: queryKeys.deviceLists() })) {
      if (!page) continue;
      const next = applyChangesToPage(page, latest);
      if (next !== page) queryClient.setQueryData(key, next);
    }
    for (const [key, detail] of queryClient.getQueriesData<DeviceDetail>({ queryKey: queryKeys.deviceDetails() })) {
      if (!detail) continue;
      const next = applyChangesToDetail(detail, latest);
      if (next !== detail) {
        queryClient.setQueryData(key, next);
        // A status change often comes with a changed setup (mode, registration, filter): re-read
        // the one device shown in detail, and its history.
        void queryClient.invalidateQueries({ queryKey: key, exact: true });
        void queryClient.invalidateQueries({ queryKey: queryKeys.deviceHistory(detail.device.deviceID) });
      }
    }
  }

  function onSnapshot(raw: unknown) {
    const parsed = snapshotEventSchema.safeParse(raw);
    if (!parsed.success) return console.error('live: bad snapshot', parsed.error);
    const snapshot: SnapshotEvent = parsed.data;
    for (const g of snapshot.gateways) {
      lastSeq.set(g.gatewayID, g.seq);
      liveStore.setGatewayConnected(g.gatewayID, g.connected);
    }
    liveStore.resetMode(snapshot.mode, snapshot.gateways.filter((g) => g.mode === 'degraded').map((g) => g.gatewayID));
    liveStore.setConnection('online');
    const now = Date.now();
    applyChanges(snapshot.devices.map((d) => ({ deviceID: d.deviceID, gatewayID: d.gatewayID, status: d.status, statusName: d.statusName, at: now })));
    refreshAggregates();
  }

  function onDelta(raw: unknown) {
    const parsed = deltaEventSchema.safeParse(raw);
    if (!parsed.success) return console.error('live: bad delta', parsed.error);
    const delta: DeltaEvent = parsed.data;
    if (sequenceGap(lastSeq.get(delta.gatewayID), delta.seq)) {
      // Missed events: statuses are absolute, so apply this batch and ask for a fresh snapshot.
      join([delta.gatewayID]);
    }
    lastSeq.set(delta.gatewayID, delta.seq);
    applyChanges(delta.changes);
    liveStore.pushFeed(
      delta.changes.map((c) => ({ key: `${delta.gatewayID}:${delta.seq}:${c.deviceID}:${c.at}`, deviceID: c.deviceID, gatewayID: c.gatewayID, statusName: c.statusName, at: c.at })),
    );
    if (delta.gateway) liveStore.setGatewayConnected(delta.gatewayID, delta.gateway.connected);
    if ((delta.added?.length ?? 0) > 0 || (delta.removed?.length ?? 0) > 0) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.deviceLists() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.deviceDetails() });
    } else if (delta.changes.length > 0) refreshLists();
    refreshAggregates();
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
  socket.on('delta', onDelta);
  socket.on('mode', onMode);
  socket.on('problem', (p) => console.warn('live: server refused', p));
  socket.on('disconnect', () => liveStore.setConnection('offline'));
  socket.on('connect_error', (error) => {
    liveStore.setConnection('offline');
    if (error.message === LIVE_UNAUTHORIZED) {
      socket.disconnect();
      onUnauthorized();
    }
  });

  return () => {
    refreshAggregates.cancel();
    refreshLists.cancel();
    socket.removeAllListeners();
    socket.disconnect();
    liveStore.reset();
  };
}

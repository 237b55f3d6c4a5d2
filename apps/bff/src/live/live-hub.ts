// The live-status hub: one device-status stream per tenant and one gateway-status stream in all,
// fanned out to socket.io rooms per gateway (never a gRPC stream per browser tab). See
// docs/live-status.md for the events and docs/bff-internals.md for the seams.
import type { DeltaEvent, ModeEvent } from '@cmc/api';
import { adaptiveWindow } from './batch-window.ts';
import { createDeltaBatcher } from './delta-batcher.ts';
import { fanOutDeltas, joinedChanged, type FanOutSocketData } from './fan-out.ts';
import { GatewayFeed } from './gateway-feed.ts';
import type { HubContext } from './hub-context.ts';
import { LiveState } from './live-state.ts';
import { clockTime } from '../master/master-liveness.ts';
import { startSessionCheck } from './session-revocation.ts';
import { attachLiveSockets, gatewayRoom } from './socket-handlers.ts';
import { TenantFeed } from './tenant-feed.ts';
import { directStreams, type LiveHubDeps, type SessionUser } from './types.ts';

export interface LiveHub {
  /**
   * Opens the streams and reads the lists; resolves once each stream has loaded or failed once
   * (at most 15 s). Idempotent: later calls return the first call's promise.
   */
  start(): Promise<void>;
  /** Cancels the streams and disconnects every socket (part of graceful shutdown). */
  stop(): Promise<void>;
  /**
   * Re-reads the tenant -> gateways map now (call after changing tenants, with the pool's cache
   * invalidated): new tenants get a stream, moved gateways follow their new owner, and users of the
   * previous owner are taken out of their rooms. Also runs every tenantRefreshMs.
   */
  refresh(): Promise<void>;
  /** degraded when any followed gateway is; seq = deltas sent so far. */
  state(): { mode: 'live' | 'degraded'; seq: number };
  /**
   * Re-reads these gateways' device lists through their tenants' feeds, for the REST device index
   * (devices/device-index.ts). Resolves after reads that started after the call; false when no feed
   * follows one of them or a list could not be read.
   */
  reloadDevices(gatewayIDs: readonly string[]): Promise<boolean>;
}

/** start() waits at most this long for the first lists; the hub keeps trying in the background. */
const START_WAIT_MS = 15_000;

/** `state`: the REST device list reads the hub's picture (devices/device-index.ts hands in its own). */
export function createLiveHub(deps: LiveHubDeps & { state?: LiveState }): LiveHub {
  const { io, pool, logger: rootLogger } = deps;
  const logger = rootLogger.child({ module: 'live' });
  const state = deps.state ?? new LiveState();
  const feeds = new Map<string, TenantFeed>();
  let gatewayFeed: GatewayFeed | undefined;
  let deltasSent = 0;
  let stopped = false;
  let startPromise: Promise<void> | undefined;
  let refreshing: Promise<void> | undefined;
  let refreshTimer: NodeJS.Timeout | undefined;
  let stopSessionCheck: (() => void) | undefined;
  let stopLiveness: (() => void) | undefined;

  // Only this process's sockets: with a shared adapter every BFF instance runs its own hub.
  const local = () => io.local;

  const batcher = createDeltaBatcher(adaptiveWindow(deps.batchWindowMs ?? 10), (batch) => {
    const deltas: DeltaEvent[] = [];
    for (const [gatewayID, delta] of batch) {
      const gw = state.gateways.get(gatewayID);
      if (!gw) continue;
      gw.seq += 1;
      deltasSent += 1;
      deltas.push({
        gatewayID,
        seq: gw.seq,
        changes: delta.changes,
        ...(delta.added.length > 0 ? { added: delta.added } : {}),
        ...(delta.removed.length > 0 ? { removed: delta.removed } : {}),
        ...(delta.gateway ? { gateway: delta.gateway } : {}),
      });
    }
    fanOutDeltas(io, deltas);
  });

  /** Mode events go per tenant, so no one learns another tenant's gateway IDs. */
  function emitMode(mode: ModeEvent['mode'], gatewayIDs: string[], reason?: string): void {
    if (gatewayIDs.length === 0) return;
    batcher.flush(); // deltas queued before the switch arrive before it
    const byTenant = new Map<string, string[]>();
    for (const id of gatewayIDs) {
      const key = state.gateways.get(id)?.tenantID ?? '';
      byTenant.set(key, [...(byTenant.get(key) ?? []), id]);
    }
    for (const ids of byTenant.values()) {
      local()
        .to(ids.map(gatewayRoom))
        .emit('mode', { mode, gatewayIDs: ids, ...(reason === undefined ? {} : { reason }) });
    }
  }

  const ctx: HubContext = {
    state,
    batcher,
    history: deps.history,
    pool,
    logger,
    streams: deps.streams ?? directStreams,
    memory: deps.memory,
    setDegraded(key, gatewayIDs, reason) {
      const turned: string[] = [];
      for (const id of gatewayIDs) {
        const gw = state.gateways.get(id);
        if (!gw) continue;
        if (gw.degradedBy.size === 0) turned.push(id);
        gw.degradedBy.add(key);
      }
      emitMode('degraded', turned, reason);
    },
    setLive(key, gatewayIDs) {
      const turned: string[] = [];
      for (const id of gatewayIDs) {
        const gw = state.gateways.get(id);
        if (!gw || !gw.degradedBy.delete(key)) continue;
        if (gw.degradedBy.size === 0) turned.push(id);
      }
      emitMode('live', turned);
    },
    refreshTenants,
    reloadDevicesOf(gatewayID) {
      const tenantID = state.gateways.get(gatewayID)?.tenantID;
      const feed = tenantID === undefined ? undefined : feeds.get(tenantID);
      if (feed) void feed.reload();
    },
  };

  function refreshTenants(): Promise<void> {
    refreshing ??= (async () => {
      const tenants = await pool.tenants();
      if (stopped) return;
      const owner = new Map<string, string>();
      for (const t of tenants) for (const id of t.gatewayIDs) owner.set(id, t.tenantID);
      for (const gw of state.gateways.values()) {
        const now = owner.get(gw.gatewayID);
        if (gw.tenantID === undefined || gw.tenantID === now) continue;
        // The gateway changed hands: the old tenant's stream no longer covers it and the old
        // tenant's users must stop seeing it.
        const before = gw.tenantID;
        feeds.get(before)?.removeGateways([gw.gatewayID]);
        ctx.setLive(`device-stream:${before}`, [gw.gatewayID]);
        gw.tenantID = now;
        void evictOthers(gw.gatewayID, now);
        logger.info('live: gateway changed tenant', {
          gatewayID: gw.gatewayID,
          from: before,
          to: now ?? null,
        });
      }
      for (const { tenantID, gatewayIDs } of tenants) {
        if (gatewayIDs.length === 0) continue;
        const feed = feeds.get(tenantID);
        if (feed) {
          feed.addGateways(gatewayIDs);
          continue;
        }
        const fresh = new TenantFeed(tenantID, gatewayIDs, ctx);
        feeds.set(tenantID, fresh);
        fresh.start();
        if (gatewayFeed) void gatewayFeed.readFlags();
      }
    })()
      .catch((error: unknown) => {
        logger.warn('live: tenant list not readable', { error });
      })
      .finally(() => (refreshing = undefined));
    return refreshing;
  }

  /** Takes tenant users of any tenant but `owner` out of a gateway's room. */
  async function evictOthers(gatewayID: string, owner: string | undefined): Promise<void> {
    try {
      for (const socket of await local().in(gatewayRoom(gatewayID)).fetchSockets()) {
        const data = socket.data as { user?: SessionUser } & FanOutSocketData;
        if (data.user?.role !== 'tenant' || data.user.tenantID === owner) continue;
        socket.leave(gatewayRoom(gatewayID));
        data.joined?.delete(gatewayID);
        joinedChanged(data);
        socket.emit('problem', {
          event: 'join',
          error: 'forbidden',
          message: `gateway ${gatewayID} is no longer a gateway of tenant ${data.user.tenantID ?? '?'}`,
        });
      }
    } catch (error) {
      logger.error('live: could not take sockets out of a gateway room', { error, gatewayID });
    }
  }

  attachLiveSockets(io, {
    state,
    pool,
    getSessionUser: deps.getSessionUser,
    logger,
    isStopped: () => stopped,
    async ensureFollowed(gatewayIDs) {
      if (gatewayIDs.every((id) => state.gateways.has(id))) return;
      await refreshTenants();
      // Gateways no tenant owns have no device stream; they still show with their connected flag.
      const orphans = gatewayIDs.filter((id) => !state.gateways.has(id));
      for (const id of orphans) state.ensureGateway(id, undefined);
      if (orphans.length > 0 && gatewayFeed) await gatewayFeed.readFlags();
    },
  });

  // A master that stops answering (hung) may leave its streams open for a while: every gateway is
  // degraded until it answers again and the lists have been re-read (changes may have been missed).
  const MASTER_KEY = 'master-liveness';
  function followLiveness(): void {
    stopLiveness = deps.liveness?.onChange((down) => {
      if (stopped) return;
      if (down) {
        const reason = `master gateway not answering since ${clockTime(down.since)}`;
        return ctx.setDegraded(MASTER_KEY, [...state.gateways.keys()], reason);
      }
      const reads = Promise.all([...feeds.values()].map((f) => f.reload()));
      void Promise.all([reads, gatewayFeed?.readFlags()])
        .then(([read, flags]) => read.every(Boolean) && flags !== false)
        .catch((error: unknown) => {
          logger.warn('live: re-read after the master answered failed', { error });
          return true;
        })
        .then((read) => {
          if (read && !stopped) ctx.setLive(MASTER_KEY, [...state.gateways.keys()]);
        });
    });
  }

  async function startOnce(): Promise<void> {
    followLiveness();
    await refreshTenants();
    if (stopped) return;
    gatewayFeed = new GatewayFeed(ctx, deps.onGatewayFlag);
    gatewayFeed.start();
    // Also picks up tenants when the master was unreachable at start.
    refreshTimer = setInterval(() => void refreshTenants(), deps.tenantRefreshMs ?? 60_000);
    refreshTimer.unref();
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all([gatewayFeed.ready, ...[...feeds.values()].map((f) => f.ready)]),
      new Promise<void>((resolve) => {
        timeout = setTimeout(resolve, START_WAIT_MS);
        timeout.unref();
      }),
    ]);
    clearTimeout(timeout);
    batcher.flush();
  }

  return {
    start() {
      // Idempotent: a second caller (a test, the app) awaits the same start.
      if (!stopped)
        stopSessionCheck ??= startSessionCheck(
          io,
          deps.getSessionUser,
          deps.sessionCheckMs ?? 60_000,
          logger,
        );
      startPromise ??= startOnce();
      return startPromise;
    },

    async stop() {
      if (stopped) return;
      stopped = true;
      if (refreshTimer) clearInterval(refreshTimer);
      stopSessionCheck?.();
      stopLiveness?.();
      for (const feed of feeds.values()) feed.stop();
      gatewayFeed?.stop();
      batcher.flush();
      batcher.stop();
      local().disconnectSockets(true);
    },

    refresh: refreshTenants,

    async reloadDevices(gatewayIDs) {
      const tenantOf = (id: string) => state.gateways.get(id)?.tenantID;
      const reads = [...new Set(gatewayIDs.map(tenantOf))].map((tenantID) => {
        const feed = tenantID === undefined ? undefined : feeds.get(tenantID);
        return feed?.reload(gatewayIDs.filter((id) => tenantOf(id) === tenantID)) ?? false;
      });
      return (await Promise.all(reads)).every(Boolean);
    },

    state() {
      let mode: 'live' | 'degraded' = 'live';
      for (const gw of state.gateways.values()) if (gw.degradedBy.size > 0) mode = 'degraded';
      return { mode, seq: deltasSent };
    },
  };
}

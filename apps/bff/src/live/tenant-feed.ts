// One device-status stream for one tenant, fanned out to that tenant's gateway rooms. On (re)subscribe
// it reads the tenant's device lists and publishes the differences; a list read that started before a
// change streamed meanwhile cannot undo it (changes-during-read.ts).
import type { DeviceStatusChange } from '@cmc/gsdk';
import { DeviceStatus } from '@cmc/gsdk/names';
import { ChangesDuringRead } from './changes-during-read.ts';
import { publishDiffs, recordSafely, type HubContext } from './hub-context.ts';
import { runFeed } from './run-feed.ts';
import type { LiveSubscription } from './types.ts';

/** An unknown device triggers a list refresh at most this often (a device the master lists nowhere must not cause a reload storm). */
const UNKNOWN_DEVICE_RELOAD_MS = 2000;
/**
 * The master's per-subscriber queue (SubscribeStatusRequest.queueSize). Its default of 100 is 0.2 s
 * at 500 changes/s, and it drops silently when full, so any event-loop stall longer than that loses
 * changes we cannot count; 10,000 rides out multi-second stalls.
 */
const MASTER_QUEUE_SIZE = 10_000;
const DISCONNECTED = DeviceStatus.DISCONNECTED;
/** A gateway whose list could not be read is read again after this, doubling up to the max. */
const UNREAD_RETRY_MS = 1000;
const UNREAD_RETRY_MAX_MS = 30_000;
/** grpc DEADLINE_EXCEEDED: the master did not answer in time, which says nothing about the gateway. */
const DEADLINE_EXCEEDED = 4;

export class TenantFeed {
  readonly key: string;
  private sub: LiveSubscription<DeviceStatusChange> | undefined;
  private loading: Promise<boolean> | undefined;
  private stopped = false;
  private reloadAgain = false;
  private readonly duringRead = new ChangesDuringRead();
  private lastUnknownReload = 0;
  private lastDropped = 0;
  /**
   * Gateways whose last list read failed while not known to be offline: their devices may be
   * missing or stale, so they stay degraded (never claimed live) and are read again.
   */
  private readonly unread = new Set<string>();
  private streamUp = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs = UNREAD_RETRY_MS;
  private resolveReady!: () => void;
  /** Settles after the first list load, or the first stream error (so start() never hangs on a dead master). */
  readonly ready = new Promise<void>((resolve) => (this.resolveReady = resolve));

  constructor(
    readonly tenantID: string,
    public gatewayIDs: string[],
    private readonly ctx: HubContext,
  ) {
    this.key = `device-stream:${tenantID}`;
  }

  start(): void {
    for (const id of this.gatewayIDs) this.ctx.state.ensureGateway(id, this.tenantID);
    // Degraded until the first lists are read: a snapshot before that would claim an empty world is live.
    this.ctx.setDegraded(this.key, this.gatewayIDs, 'starting');
    this.sub = this.ctx.streams.device(this.tenantID, () =>
      this.ctx.pool
        .forTenant(this.tenantID)
        .subscribeDeviceStatus({ queueSize: MASTER_QUEUE_SIZE, maxBuffered: 100_000 }),
    );
    void runFeed(
      this.sub,
      {
        subscribed: (resubscribed) => this.onSubscribed(resubscribed),
        change: (change) => this.onChange(change),
        error: (error, retryInMs) => {
          this.streamUp = false;
          this.ctx.logger.warn('live: device status stream broke', {
            tenantID: this.tenantID,
            error,
            retryInMs,
          });
          this.ctx.setDegraded(
            this.key,
            this.gatewayIDs,
            `device status stream: ${error.codeName ?? error.message}`,
          );
          this.resolveReady();
        },
      },
      this.ctx.logger.child({ tenantID: this.tenantID }),
    );
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.sub?.cancel();
  }

  /** Scaled out, only the instance holding the master stream writes history (it is shared). */
  private get recording(): boolean {
    return this.sub?.holding !== false;
  }

  /** New gateways of this tenant (tenant map refresh): follow them and read their lists. */
  addGateways(ids: string[]): void {
    const fresh = ids.filter((id) => !this.gatewayIDs.includes(id));
    if (fresh.length === 0) return;
    this.gatewayIDs = [...this.gatewayIDs, ...fresh];
    for (const id of fresh) this.ctx.state.ensureGateway(id, this.tenantID);
    void this.reload();
  }

  /** Gateways moved to another tenant (or to none): this stream no longer covers them. */
  removeGateways(ids: string[]): void {
    this.gatewayIDs = this.gatewayIDs.filter((id) => !ids.includes(id));
    for (const id of ids) this.unread.delete(id);
  }

  private onSubscribed(resubscribed: boolean): void {
    this.ctx.logger.info('live: device status stream subscribed', {
      tenantID: this.tenantID,
      resubscribed,
    });
    this.streamUp = true;
    void this.reload().then((read) => {
      // A read that failed (the pool closed under it) leaves the gateways degraded: live would claim
      // a picture nobody read. The next (re)subscribe or master answer reads again.
      if (read) this.markLive();
      this.resolveReady();
    });
  }

  /** Live for every gateway whose list was read; the others are read again with backoff. */
  private markLive(): void {
    if (!this.streamUp || this.stopped) return;
    this.ctx.setLive(
      this.key,
      this.gatewayIDs.filter((id) => !this.unread.has(id)),
    );
    if (this.unread.size === 0) {
      this.retryMs = UNREAD_RETRY_MS;
      return;
    }
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.reload([...this.unread]).then((read) => {
        if (read) this.markLive();
      });
    }, this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, UNREAD_RETRY_MAX_MS);
  }

  private onChange(change: DeviceStatusChange): void {
    if (this.loading) {
      if (this.ctx.state.gatewayOf(change.deviceID) === undefined) {
        this.duringRead.hold(change);
        return;
      }
      this.duringRead.applied(change);
    }
    this.apply(change);
    // The gsdk queue drops the oldest changes when we fall behind; then only a re-read is exact.
    const dropped = this.sub?.dropped ?? 0;
    if (dropped > this.lastDropped) {
      this.lastDropped = dropped;
      this.ctx.logger.warn(
        'live: status changes were dropped by the stream queue; re-reading lists',
        { tenantID: this.tenantID, dropped },
      );
      void this.reload();
    }
  }

  private apply(change: DeviceStatusChange): void {
    // Our clock, not the master's second-resolution timestamp: reconciliation diffs can only be
    // stamped with our clock, and history must order both kinds the same way.
    const at = Date.now();
    const result = this.ctx.state.applyChange(change.deviceID, change.status, at);
    if (!result) {
      const now = Date.now();
      if (now - this.lastUnknownReload >= UNKNOWN_DEVICE_RELOAD_MS) {
        this.lastUnknownReload = now;
        this.duringRead.hold(change);
        void this.reload();
      } else {
        this.ctx.logger.debug('live: change for a device on none of the tenant gateways', {
          tenantID: this.tenantID,
          deviceID: change.deviceID,
        });
      }
      return;
    }
    if (result.changed) this.ctx.batcher.change(result.change.gatewayID, result.change);
    recordSafely(this.ctx, this.recording, {
      deviceID: change.deviceID,
      gatewayID: result.change.gatewayID,
      status: change.status,
      at,
    });
  }

  /**
   * Reads every gateway's device list (single flight; a request during a read runs one more read).
   * Never rejects, since most callers fire and forget: resolves false when the lists could not be read
   * at all (the master pool closed under a shutdown, or the feed was stopped). `only`: just these
   * gateways (a retry of the unread ones); a request during the read still runs a full one after.
   */
  reload(only?: string[]): Promise<boolean> {
    if (this.stopped) return Promise.resolve(false);
    if (this.loading) {
      this.reloadAgain = true;
      return this.loading;
    }
    this.loading = (async () => {
      let ids = only ?? this.gatewayIDs;
      do {
        this.reloadAgain = false;
        await this.readLists(ids);
        ids = this.gatewayIDs;
      } while (this.reloadAgain && !this.stopped);
      return !this.stopped;
    })()
      .catch((error: unknown) => {
        if (!this.stopped)
          this.ctx.logger.warn('live: device lists not readable', {
            tenantID: this.tenantID,
            error,
          });
        return false;
      })
      .finally(() => {
        this.loading = undefined;
        const held = this.duringRead.end();
        if (!this.stopped) for (const change of held) this.onChange(change);
      });
    return this.loading;
  }

  private markDisconnected(gatewayID: string): void {
    const at = Date.now();
    for (const device of this.ctx.state.gateways.get(gatewayID)?.devices.values() ?? []) {
      if (device.status === 'DISCONNECTED') continue;
      const result = this.ctx.state.applyChange(device.deviceID, DISCONNECTED, at);
      if (!result?.changed) continue;
      this.ctx.batcher.change(gatewayID, result.change);
      recordSafely(this.ctx, this.recording, {
        deviceID: device.deviceID,
        gatewayID,
        status: DISCONNECTED,
        at,
      });
    }
  }

  private async readLists(gatewayIDs: string[]): Promise<void> {
    const client = this.ctx.pool.forTenant(this.tenantID);
    await Promise.all(
      gatewayIDs.map(async (gatewayID) => {
        try {
          const readTick = this.ctx.memory?.readStarting() ?? 0;
          const { deviceInfos } = await client.connectMaster.getDeviceList({ gatewayID });
          this.unread.delete(gatewayID);
          this.ctx.logger.debug('live: device list read', {
            tenantID: this.tenantID,
            gatewayID,
            devices: deviceInfos.length,
          });
          // Back from offline: what it managed before and the master did not restore is named
          // before the list's removals go out, so a client re-reading on them finds the notice.
          if (this.ctx.state.gateways.get(gatewayID)?.connected === true)
            this.ctx.memory?.cameBack(gatewayID, deviceInfos, Date.now());
          // Listed by the master, so managed now, also before the flags are read (the first reads of
          // a start): a gateway leaving right after a start kept none of its devices listed.
          this.ctx.memory?.seen(gatewayID, deviceInfos, readTick);
          const listed = this.duringRead.overlay(deviceInfos);
          publishDiffs(
            this.ctx,
            this.ctx.state.applyDeviceList(gatewayID, listed, Date.now()),
            this.recording,
          );
        } catch (error) {
          const timedOut = (error as { code?: unknown }).code === DEADLINE_EXCEEDED;
          if (!timedOut && this.ctx.state.gateways.get(gatewayID)?.connected === false) {
            this.unread.delete(gatewayID);
            // A device gateway that left the master has no list to read. Its devices stay as last
            // seen (clients show them as "gateway offline"); the list read when it rejoins says
            // which came back (DB-stored ones) and which were lost (session-only ones). None is
            // connected now, whatever the master said of it last (it sends nothing for failing ones).
            this.markDisconnected(gatewayID);
            return;
          }
          // Keep the last known devices, but do not call them live: markLive reads them again.
          this.unread.add(gatewayID);
          this.ctx.logger.warn('live: device list not readable', {
            tenantID: this.tenantID,
            gatewayID,
            error,
          });
        }
      }),
    );
  }
}

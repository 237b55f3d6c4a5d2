// The one gateway-status stream (admin token): device gateways joining and leaving the master.
// On (re)subscribe the connected flags are re-read with Gateway.Get and differences published.
import type { GatewayStatusChange } from '@cmc/gsdk';
import type { HubContext } from './hub-context.ts';
import { toRememberedDevice } from './live-names.ts';
import { runFeed } from './run-feed.ts';
import type { LiveSubscription } from './types.ts';

const GATEWAY_CONNECTED = 1;
/** Gateway.Get failed: tried again after 1 s, doubling up to 30 s, until the flags are known. */
const FLAGS_RETRY_MS = 1000;
const FLAGS_RETRY_MAX_MS = 30_000;

export class GatewayFeed {
  readonly key = 'gateway-stream';
  private sub: LiveSubscription<GatewayStatusChange> | undefined;
  private reading: Promise<boolean> | undefined;
  /** false until the first Gateway.Get: the first flags are the start state, not changes. */
  private flagsKnown = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs = FLAGS_RETRY_MS;
  private stopped = false;
  private resolveReady!: () => void;
  readonly ready = new Promise<void>((resolve) => (this.resolveReady = resolve));

  constructor(
    private readonly ctx: HubContext,
    /** Told of every flag read or streamed, changed or not (alerts watch gateways through it). */
    private readonly onFlag?: (gatewayID: string, connected: boolean) => void,
  ) {}

  private allGateways(): string[] {
    return [...this.ctx.state.gateways.keys()];
  }

  start(): void {
    this.ctx.setDegraded(this.key, this.allGateways(), 'starting');
    this.sub = this.ctx.streams.gateway(() => this.ctx.pool.admin().subscribeGatewayStatus());
    void runFeed(
      this.sub,
      {
        subscribed: (resubscribed) => {
          this.ctx.logger.info('live: gateway status stream subscribed', { resubscribed });
          // A master that was unreachable at start (or restarted) may have tenants we do not follow yet.
          void (
            resubscribed || this.ctx.state.gateways.size === 0
              ? this.ctx.refreshTenants()
              : Promise.resolve()
          )
            .then(() => this.readFlags())
            .then((read) => {
              // Unknown flags read as "not connected": the gateways stay degraded (and their lists
              // unserved from memory) until a retry reads them.
              if (read) this.ctx.setLive(this.key, this.allGateways());
              else this.retryFlags();
              this.resolveReady();
            });
        },
        change: (change) => this.onChange(change),
        error: (error, retryInMs) => {
          this.ctx.logger.warn('live: gateway status stream broke', { error, retryInMs });
          // The resubscribe reads the flags again; a pending retry must not call this stream live.
          clearTimeout(this.retryTimer);
          this.retryTimer = undefined;
          this.ctx.setDegraded(
            this.key,
            this.allGateways(),
            `gateway status stream: ${error.codeName ?? error.message}`,
          );
          this.resolveReady();
        },
      },
      this.ctx.logger.child({ stream: 'gateway' }),
    );
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.sub?.cancel();
  }

  private retryFlags(): void {
    if (this.stopped || this.retryTimer) return;
    this.ctx.setDegraded(this.key, this.allGateways(), 'gateway connection flags not readable');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.readFlags().then((read) => {
        if (this.stopped) return;
        if (!read) return this.retryFlags();
        this.ctx.setLive(this.key, this.allGateways());
      });
    }, this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, FLAGS_RETRY_MAX_MS);
  }

  private onChange(change: GatewayStatusChange): void {
    const connected = change.status === GATEWAY_CONNECTED;
    this.ctx.logger.debug('live: gateway status change', {
      gatewayID: change.gatewayID,
      connected,
    });
    if (!this.ctx.state.gateways.has(change.gatewayID)) {
      // A gateway we do not follow yet: learn which tenant owns it, then apply.
      void this.ctx.refreshTenants().then(() => this.applyFlag(change.gatewayID, connected));
      return;
    }
    this.applyFlag(change.gatewayID, connected);
  }

  private applyFlag(gatewayID: string, connected: boolean): void {
    if (!this.ctx.state.gateways.has(gatewayID)) return;
    this.onFlag?.(gatewayID, connected);
    if (!connected) {
      // Remember what it managed: its devices show as "gateway offline", and what does not come
      // back with it can be named when it reconnects. Also when the state had not learnt the flag
      // yet (a gateway leaving right after the BFF started): the memory keeps the first call.
      const gw = this.ctx.state.gateways.get(gatewayID);
      this.ctx.memory?.wentOffline(
        gatewayID,
        gw?.tenantID,
        [...(gw?.devices.values() ?? [])].map(toRememberedDevice),
        Date.now(),
      );
    }
    if (!this.ctx.state.setGatewayConnected(gatewayID, connected)) return;
    this.ctx.batcher.gateway(gatewayID, connected, Date.now());
    if (this.flagsKnown) this.ctx.reloadDevicesOf(gatewayID);
  }

  /** Gateway.Get of every followed gateway; single flight. Resolves false when it failed. */
  readFlags(): Promise<boolean> {
    this.reading ??= (async () => {
      const ids = this.allGateways();
      if (ids.length === 0) return true;
      try {
        const { gatewayInfos } = await this.ctx.pool.admin().gateway.get({ gatewayIDs: ids });
        for (const info of gatewayInfos) this.applyFlag(info.gatewayID, info.isConnected);
        this.flagsKnown = true;
        this.retryMs = FLAGS_RETRY_MS;
        return true;
      } catch (error) {
        this.ctx.logger.warn('live: gateway flags not readable', { error });
        return false;
      }
    })().finally(() => (this.reading = undefined));
    return this.reading;
  }
}

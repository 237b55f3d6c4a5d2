// A status subscription shared by every BFF instance: it looks like a gsdk StatusSubscription to the
// live feeds, but only the instance that holds the scope's Redis lease opens the master stream. The
// holder relays each event to the others over Redis; followers turn the relay into the same events.
// When the holder dies its lease expires (ttl), a follower takes it, opens the master stream and — as
// after any resubscribe — its feed re-reads the device lists; the other followers see the new holder's
// stream come up and re-read too. So no change made during the hand-over is lost anywhere.
import { EventQueue, type GsdkError, type StatusEvent, type StatusSubscription } from '@cmc/gsdk';
import type { Logger } from '../logger.ts';
import type { RelayBus } from './relay-bus.ts';
import type { StreamLease } from './stream-lease.ts';

type RelayMessage<T> =
  | { h: string; n: number; t: 'up' }
  | { h: string; n: number; t: 'down'; r: string }
  | { h: string; n: number; t: 'c'; c: T };

export interface LeasedSubscriptionOptions<T> {
  lease: StreamLease;
  relay: RelayBus;
  /** Opens the real master stream (called only while holding the lease). */
  open: () => StatusSubscription<T>;
  logger: Logger;
  /** How often the holder renews and followers check the lease (ms). */
  renewMs: number;
  maxBuffered?: number;
}

/** The gsdk error shape the feeds log and show as the degraded reason. */
function streamError(message: string): GsdkError {
  return Object.assign(new Error(message), {
    name: 'GsdkError',
    code: 14,
    codeName: 'UNAVAILABLE',
    details: message,
    rpc: 'relay',
  }) as unknown as GsdkError;
}

export class LeasedSubscription<T> implements StatusSubscription<T> {
  private readonly queue: EventQueue<StatusEvent<T>>;
  private role: 'none' | 'holder' = 'none';
  private master: StatusSubscription<T> | undefined;
  /** holder token whose relay we apply, and the last message number seen from it */
  private followed: string | undefined;
  private lastN: number | undefined;
  private sent = 0;
  private everSubscribed = false;
  private lastRenewOk = 0;
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private unlisten: (() => void) | undefined;
  private isCancelled = false;

  constructor(private readonly o: LeasedSubscriptionOptions<T>) {
    this.queue = new EventQueue(o.maxBuffered ?? 100_000, (e) => e.type === 'change');
    void this.begin();
  }

  /** true while this instance holds the lease (and so the master stream): only the holder writes history. */
  get holding(): boolean {
    return this.role === 'holder';
  }

  get cancelled(): boolean {
    return this.isCancelled;
  }

  get dropped(): number {
    return this.queue.dropped + (this.master?.dropped ?? 0);
  }

  [Symbol.asyncIterator](): AsyncIterator<StatusEvent<T>> {
    return { next: () => this.queue.next() };
  }

  cancel(): void {
    if (this.isCancelled) return;
    this.isCancelled = true;
    clearInterval(this.timer);
    this.unlisten?.();
    if (this.role === 'holder') {
      this.master?.cancel();
      // Hand over at once on a graceful stop instead of making the others wait out the ttl.
      this.o.lease
        .release()
        .catch((error: unknown) =>
          this.o.logger.warn('lease: release failed', { key: this.o.lease.key, error }),
        );
    }
    this.role = 'none';
    this.queue.close();
  }

  private async begin(): Promise<void> {
    await this.listen();
    if (this.isCancelled) return this.unlisten?.();
    this.timer = setInterval(() => void this.tick(), this.o.renewMs);
    await this.tick();
  }

  /** Subscribes to the relay channel; retried by every tick until it works (no relay, no following). */
  private async listen(): Promise<void> {
    if (this.unlisten) return;
    try {
      this.unlisten = await this.o.relay.listen(this.o.lease.channel, {
        message: (text) => this.onRelay(text),
        lost: () => this.unfollow('the Redis relay connection broke'),
      });
    } catch (error) {
      this.o.logger.warn('lease: relay subscription failed', {
        key: this.o.lease.key,
        error: (error as Error).message,
      });
    }
  }

  private async tick(): Promise<void> {
    if (this.ticking || this.isCancelled) return;
    this.ticking = true;
    try {
      await this.listen();
      if (this.role === 'holder') await this.renew();
      else {
        const sentAt = Date.now();
        if (await this.o.lease.tryAcquire()) this.takeOver(sentAt);
        else await this.checkHolder();
      }
    } catch (error) {
      this.o.logger.warn('lease: Redis call failed', {
        key: this.o.lease.key,
        error: (error as Error).message,
      });
      // Without Redis we cannot prove we hold the lease: stop the stream one renewal before it may
      // have expired (measured from when the last successful renewal was sent), so that another
      // instance's stream never overlaps ours for long.
      if (
        this.role === 'holder' &&
        Date.now() - this.lastRenewOk >= this.o.lease.ttlMs - this.o.renewMs
      )
        this.stepDown('lease not renewable (Redis unreachable)');
    } finally {
      this.ticking = false;
    }
  }

  private async renew(): Promise<void> {
    const sentAt = Date.now();
    if (await this.o.lease.renew()) this.lastRenewOk = sentAt;
    else this.stepDown('lease lost to another instance');
  }

  /** Follows the holder once its master stream is up (a list read before that could miss changes). */
  private async checkHolder(): Promise<void> {
    const view = await this.o.lease.read();
    if (this.isCancelled || this.role === 'holder') return;
    if (this.followed !== undefined && view.holder !== this.followed) {
      this.unfollow(
        view.holder === null
          ? 'the instance holding the master stream is gone'
          : 'the master stream moved to another instance',
      );
    }
    if (
      this.unlisten !== undefined &&
      this.o.relay.connected &&
      this.followed === undefined &&
      view.holder !== null &&
      view.stream === `${view.holder}:up`
    )
      this.follow(view.holder, view.seq);
  }

  private follow(holder: string, n: number | undefined): void {
    this.followed = holder;
    this.lastN = n;
    this.queue.push({ type: 'subscribed', resubscribed: this.everSubscribed });
    this.everSubscribed = true;
  }

  private unfollow(reason: string): void {
    if (this.followed === undefined) return;
    this.followed = undefined;
    this.lastN = undefined;
    this.queue.push({ type: 'error', error: streamError(reason), retryInMs: this.o.renewMs });
  }

  private onRelay(text: string): void {
    if (this.role === 'holder' || this.isCancelled) return;
    let m: RelayMessage<T>;
    try {
      m = JSON.parse(text) as RelayMessage<T>;
      if (typeof m.h !== 'string' || typeof m.n !== 'number' || !['up', 'down', 'c'].includes(m.t))
        throw new Error('bad shape');
    } catch {
      this.o.logger.warn('lease: unreadable relay message', { key: this.o.lease.key });
      return;
    }
    if (m.t === 'up') {
      if (this.followed !== undefined) this.unfollow('the master stream was resubscribed');
      this.follow(m.h, m.n);
      return;
    }
    if (m.h !== this.followed) return; // not (yet) following this holder: its state comes from our list read
    // Published before we read the holder's position: our list read (after that) already covers it.
    if (this.lastN !== undefined && m.n <= this.lastN) return;
    if (this.lastN !== undefined && m.n !== this.lastN + 1) {
      // A lost message: reconcile as after a resubscribe (the change in hand is applied after the read).
      this.o.logger.warn('lease: relay messages were lost; re-reading lists', {
        key: this.o.lease.key,
        expected: this.lastN + 1,
        got: m.n,
      });
      this.queue.push({ type: 'error', error: streamError('relay messages lost'), retryInMs: 0 });
      this.queue.push({ type: 'subscribed', resubscribed: true });
    }
    this.lastN = m.n;
    if (m.t === 'down') {
      this.followed = undefined;
      this.lastN = undefined;
      this.queue.push({ type: 'error', error: streamError(m.r), retryInMs: this.o.renewMs });
    } else {
      this.queue.push({ type: 'change', change: m.c });
    }
  }

  private takeOver(acquiredAt: number): void {
    this.unfollow('taking over the master stream');
    this.role = 'holder';
    this.lastRenewOk = acquiredAt;
    this.sent = 0;
    this.o.logger.info('lease: holding the master stream', { key: this.o.lease.key });
    // Followers wait for `up`: a list read before the master stream is open could miss a change.
    this.o.lease.setStreamState('starting', '', 0).catch(() => undefined);
    const master = this.o.open();
    this.master = master;
    void this.pump(master);
  }

  private stepDown(reason: string): void {
    if (this.role !== 'holder') return;
    this.o.logger.warn('lease: stepping down', { key: this.o.lease.key, reason });
    this.role = 'none';
    this.master?.cancel();
    this.master = undefined;
    this.queue.push({ type: 'error', error: streamError(reason), retryInMs: this.o.renewMs });
  }

  /** Passes the master stream's events to our feed and relays them, in order, to the others. */
  private async pump(master: StatusSubscription<T>): Promise<void> {
    try {
      for await (const event of master) {
        if (this.master !== master || this.role !== 'holder') break;
        const h = this.o.lease.token;
        const n = ++this.sent;
        // Sent without awaiting: one connection keeps the order; a refusal means we lost the lease.
        const sent =
          event.type === 'change'
            ? this.o.lease.publish(JSON.stringify({ h, n, t: 'c', c: event.change }), n)
            : event.type === 'subscribed'
              ? this.o.lease.setStreamState('up', JSON.stringify({ h, n, t: 'up' }), n)
              : this.o.lease.setStreamState(
                  'down',
                  JSON.stringify({
                    h,
                    n,
                    t: 'down',
                    r: `master stream: ${event.error.codeName ?? event.error.message}`,
                  }),
                  n,
                );
        sent.then(
          (ok) => ok || this.stepDown('lease lost to another instance'),
          (error: unknown) =>
            this.o.logger.warn('lease: relay publish failed', {
              key: this.o.lease.key,
              error: (error as Error).message,
            }),
        );
        // Our feed has been subscribed: a later follow is a resubscribe to it.
        if (event.type === 'subscribed') this.everSubscribed = true;
        this.queue.push(event);
      }
    } catch (error) {
      this.o.logger.error('lease: master stream failed', { key: this.o.lease.key, error });
    }
  }
}

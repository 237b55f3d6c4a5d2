// One Redis subscriber connection per instance for the stream relays: the lease holder of each scope
// publishes what its master stream delivers, and followers read it here. Redis pub/sub keeps the
// order of one publisher but may lose messages while a connection is down, so listeners are told
// when the connection drops (they reconcile from the master once they follow again).
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';

export interface RelayListener {
  message(text: string): void;
  /** The subscriber connection broke: messages may have been missed. */
  lost(): void;
}

export class RelayBus {
  private readonly listeners = new Map<string, Set<RelayListener>>();

  constructor(
    private readonly sub: Redis,
    private readonly logger: Logger,
  ) {
    sub.on('message', (channel: string, text: string) => {
      for (const l of this.listeners.get(channel) ?? []) l.message(text);
    });
    sub.on('close', () => {
      if (!this.isConnected) return;
      this.isConnected = false;
      for (const set of this.listeners.values()) for (const l of set) l.lost();
    });
    sub.on('ready', () => {
      if (this.isConnected) return;
      // Subscribed again before anyone may follow a holder: a message published between following
      // and resubscribing would be lost without a trace (ioredis' own resubscribe is not awaited).
      const channels = [...this.listeners.keys()];
      (channels.length > 0 ? sub.subscribe(...channels) : Promise.resolve(0)).then(
        () => (this.isConnected = sub.status === 'ready'),
        (error: unknown) => this.logger.warn('relay: resubscribe failed', { error }),
      );
    });
  }

  private isConnected = true;

  /** false from a dropped connection until its channels are subscribed again. */
  get connected(): boolean {
    return this.isConnected;
  }

  async listen(channel: string, listener: RelayListener): Promise<() => void> {
    let set = this.listeners.get(channel);
    if (!set) {
      this.listeners.set(channel, (set = new Set()));
      await this.sub.subscribe(channel);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(channel) === set) {
        this.listeners.delete(channel);
        this.sub
          .unsubscribe(channel)
          .catch((error: unknown) =>
            this.logger.debug('relay: unsubscribe failed', { channel, error }),
          );
      }
    };
  }
}

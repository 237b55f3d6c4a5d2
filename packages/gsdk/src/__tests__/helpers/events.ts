import type { StatusEvent, StatusSubscription } from '../../types.ts';

/**
 * Reads a subscription in the background and lets tests wait for the event they expect, so a
 * missing event fails with a message instead of hanging.
 */
export class EventRecorder<T> {
  readonly events: StatusEvent<T>[] = [];
  private readonly listeners = new Set<() => void>();
  readonly done: Promise<void>;

  constructor(subscription: StatusSubscription<T>) {
    this.done = (async () => {
      for await (const event of subscription) {
        this.events.push(event);
        for (const listener of this.listeners) listener();
      }
    })();
  }

  /** Resolves with the first event from index `from` on that matches. */
  waitFor(
    what: string,
    match: (event: StatusEvent<T>) => boolean,
    timeoutMs = 8_000,
    from = 0,
  ): Promise<StatusEvent<T>> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.events.slice(from).find(match);
        if (found === undefined) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `timed out waiting for ${what}; got ${JSON.stringify(this.events.map(summary))}`,
          ),
        );
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      const listener = (): void => void check();
      this.listeners.add(listener);
      check();
    });
  }
}

function summary<T>(event: StatusEvent<T>): unknown {
  if (event.type === 'error')
    return { type: 'error', code: event.error.codeName, details: event.error.details };
  return event;
}

// A status subscription a test drives by hand: events pushed are yielded in order.
import type { StatusEvent, StatusSubscription } from '@cmc/gsdk';

export function scriptedSubscription<T>(): StatusSubscription<T> & {
  push(e: StatusEvent<T>): void;
} {
  const queue: Array<StatusEvent<T>> = [];
  let wake: (() => void) | undefined;
  let cancelled = false;
  return {
    push(e) {
      queue.push(e);
      wake?.();
    },
    cancel() {
      cancelled = true;
      wake?.();
    },
    get cancelled() {
      return cancelled;
    },
    dropped: 0,
    async *[Symbol.asyncIterator]() {
      while (!cancelled) {
        const next = queue.shift();
        if (next) yield next;
        else await new Promise<void>((r) => (wake = r));
      }
    },
  };
}

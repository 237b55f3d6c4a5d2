// Drives one gsdk status subscription: every event goes to a handler, and no handler failure can
// end the loop (the stream must outlive any single bad message).
import type { StatusEvent, StatusSubscription } from '@cmc/gsdk';
import type { Logger } from '../logger.ts';

export interface FeedHandlers<T> {
  subscribed(resubscribed: boolean): void;
  change(change: T): void;
  error(error: Error & { codeName?: string }, retryInMs: number): void;
}

export async function runFeed<T>(
  sub: StatusSubscription<T>,
  handlers: FeedHandlers<T>,
  logger: Logger,
): Promise<void> {
  try {
    for await (const event of sub as AsyncIterable<StatusEvent<T>>) {
      try {
        if (event.type === 'subscribed') handlers.subscribed(event.resubscribed);
        else if (event.type === 'change') handlers.change(event.change);
        else handlers.error(event.error, event.retryInMs);
      } catch (error) {
        logger.error('live: status event handler failed', { error, event: event.type });
      }
    }
  } catch (error) {
    // Only a subscription that could not be created at all rejects; report it as a stream error.
    logger.error('live: status stream ended with an error', { error });
    handlers.error(error instanceof Error ? error : new Error(String(error)), 0);
  }
}

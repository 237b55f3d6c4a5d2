// Counts the device status changes the live hub receives, by sitting between it and the history
// store: every status the hub learns (streams, list diffs, relays from another instance) passes
// through record() or observe(), repeats and start-up lists included, so repeats are filtered here.
import type { LiveHistory } from '../live/types.ts';
import type { BffMetrics } from './registry.ts';

export function countStatusChanges(
  history: LiveHistory,
  metrics: Pick<BffMetrics, 'statusChanges'>,
): LiveHistory {
  const last = new Map<number, number>();
  const note = (change: Parameters<LiveHistory['record']>[0]): void => {
    const prev = last.get(change.deviceID);
    if (prev === change.status) return;
    last.set(change.deviceID, change.status);
    // A device's first sighting (the start-up list) is its state, not a change received.
    if (prev !== undefined) metrics.statusChanges.add(change.gatewayID);
  };
  return {
    record(change) {
      history.record(change);
      note(change);
    },
    observe(change) {
      history.observe(change);
      note(change);
    },
  };
}

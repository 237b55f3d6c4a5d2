// Joins what the simulator emitted with what a client saw, by (deviceID, status), in time order.
import type { PlainChangeLog } from './growable.ts';

export interface MatchResult {
  /** Arrival minus emit time (ms), one per delivered change. */
  latencies: number[];
  /** Emits that never arrived. */
  lost: number;
}

/** Arrivals earlier than their emit by more than this are treated as belonging to an older emit. */
const CLOCK_TOLERANCE_MS = 2;

const keyOf = (deviceID: number, status: number): number => deviceID * 0x400 + status;

function sortedIndex(log: PlainChangeLog): number[] {
  return log.times.map((_, i) => i).sort((a, b) => log.times[a]! - log.times[b]!);
}

/**
 * A push channel (status stream, socket.io) must deliver every change: the k-th emit of a
 * (device, status) pair is matched with the first unused arrival of that pair not older than it.
 */
export function matchPushed(emits: PlainChangeLog, arrivals: PlainChangeLog): MatchResult {
  const queues = new Map<number, { times: number[]; next: number }>();
  for (const i of sortedIndex(arrivals)) {
    const key = keyOf(arrivals.deviceIDs[i]!, arrivals.statuses[i]!);
    let q = queues.get(key);
    if (!q) queues.set(key, (q = { times: [], next: 0 }));
    q.times.push(arrivals.times[i]!);
  }
  const latencies: number[] = [];
  let lost = 0;
  for (const i of sortedIndex(emits)) {
    const t = emits.times[i]!;
    const q = queues.get(keyOf(emits.deviceIDs[i]!, emits.statuses[i]!));
    if (q) while (q.next < q.times.length && q.times[q.next]! < t - CLOCK_TOLERANCE_MS) q.next++;
    if (!q || q.next >= q.times.length) {
      lost++;
      continue;
    }
    latencies.push(q.times[q.next++]! - t);
  }
  return { latencies, lost };
}

/**
 * A poller sees only the state at each poll: a detection is matched with the latest emit of that
 * status before it; earlier emits of the device since its last detection were never seen (missed).
 * Emits after the last poll are neither seen nor missed yet.
 */
export function matchPolled(
  emits: PlainChangeLog,
  detections: PlainChangeLog,
  lastPollAt: number,
): MatchResult {
  const byDevice = new Map<number, { times: number[]; statuses: number[]; next: number }>();
  for (const i of sortedIndex(emits)) {
    const id = emits.deviceIDs[i]!;
    let d = byDevice.get(id);
    if (!d) byDevice.set(id, (d = { times: [], statuses: [], next: 0 }));
    d.times.push(emits.times[i]!);
    d.statuses.push(emits.statuses[i]!);
  }
  const latencies: number[] = [];
  let lost = 0;
  for (const i of sortedIndex(detections)) {
    const d = byDevice.get(detections.deviceIDs[i]!);
    if (!d) continue;
    const seenAt = detections.times[i]!;
    let hit = -1;
    for (let j = d.next; j < d.times.length && d.times[j]! <= seenAt; j++)
      if (d.statuses[j] === detections.statuses[i]) hit = j;
    if (hit < 0) continue;
    lost += hit - d.next;
    latencies.push(seenAt - d.times[hit]!);
    d.next = hit + 1;
  }
  for (const d of byDevice.values())
    for (let j = d.next; j < d.times.length; j++) if (d.times[j]! <= lastPollAt) lost++;
  return { latencies, lost };
}

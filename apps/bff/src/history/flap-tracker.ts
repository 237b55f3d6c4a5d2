// "Flapping" = more than `threshold` status changes within `windowMs`. Each device keeps a ring of
// its last threshold + 1 change times, so noting a change and asking are both O(1).
export class FlapTracker {
  private readonly rings = new Map<number, { times: number[]; next: number; count: number }>();

  constructor(
    private readonly threshold: number,
    private readonly windowMs: number,
  ) {
    if (!Number.isInteger(threshold) || threshold < 1)
      throw new Error(`flap threshold must be an integer >= 1, got ${threshold}`);
    if (!(windowMs > 0)) throw new Error(`flap window must be > 0 ms, got ${windowMs}`);
  }

  has(deviceID: number): boolean {
    return this.rings.has(deviceID);
  }

  note(deviceID: number, at: number): void {
    let ring = this.rings.get(deviceID);
    if (!ring) {
      ring = { times: new Array<number>(this.threshold + 1).fill(0), next: 0, count: 0 };
      this.rings.set(deviceID, ring);
    }
    ring.times[ring.next] = at;
    ring.next = (ring.next + 1) % ring.times.length;
    ring.count = Math.min(ring.count + 1, ring.times.length);
  }

  /** Seeds a device from stored history (oldest first) so flags survive a restart. */
  seed(deviceID: number, timesOldestFirst: number[]): void {
    if (!this.rings.has(deviceID)) {
      this.rings.set(deviceID, {
        times: new Array<number>(this.threshold + 1).fill(0),
        next: 0,
        count: 0,
      });
    }
    for (const at of timesOldestFirst.slice(-(this.threshold + 1))) this.note(deviceID, at);
  }

  isFlapping(deviceID: number, now: number): boolean {
    const ring = this.rings.get(deviceID);
    if (!ring || ring.count <= this.threshold) return false;
    // The ring is full: `next` points at the oldest of the last threshold + 1 changes.
    const oldest = ring.times[ring.next] ?? 0;
    return now - oldest <= this.windowMs;
  }

  /** How many changes of each window the ring holds (for sizing the seed query). */
  get capacity(): number {
    return this.threshold + 1;
  }
}

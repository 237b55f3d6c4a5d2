// Append-only typed arrays: arrival logs reach millions of entries with 200 clients, and plain
// object arrays would cost the client process more memory and GC time than the thing we measure.
export class GrowableFloat64 {
  private data = new Float64Array(4096);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  get(i: number): number {
    return this.data[i]!;
  }

  clear(): void {
    this.length = 0;
  }

  toArray(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

/** (deviceID, status, time) triples in three parallel growable arrays. */
export class ChangeLog {
  readonly deviceIDs = new GrowableFloat64();
  readonly statuses = new GrowableFloat64();
  readonly times = new GrowableFloat64();

  push(deviceID: number, status: number, time: number): void {
    this.deviceIDs.push(deviceID);
    this.statuses.push(status);
    this.times.push(time);
  }

  get length(): number {
    return this.times.length;
  }

  clear(): void {
    this.deviceIDs.clear();
    this.statuses.clear();
    this.times.clear();
  }

  toPlain(): PlainChangeLog {
    return {
      deviceIDs: Array.from(this.deviceIDs.toArray()),
      statuses: Array.from(this.statuses.toArray()),
      times: Array.from(this.times.toArray()),
    };
  }
}

/** What matching reads from a session's log (ChangeLog, or a lean session's FrameArrivals). */
export interface ArrivalLog {
  /** Changes logged. */
  readonly length: number;
  clear(): void;
  toPlain(): PlainChangeLog;
}

/** What crosses the IPC channel. */
export interface PlainChangeLog {
  deviceIDs: number[];
  statuses: number[];
  times: number[];
}

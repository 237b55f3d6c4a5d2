// Every `deltas` frame a load process receives, scanned once. The BFF encodes one frame per socket
// group and writes the same bytes to every socket of the group, so the 1,000 load sessions of the
// 10,000/s level receive ~11 distinct frames per send, each hundreds of times. Scanning each copy
// (and logging each of its changes per session) took most of a core, on the two cores the BFF is
// measured on. A frame is looked up by its exact bytes (length, then a byte-for-byte compare), so a
// session is credited only with what its own bytes say; a frame not found is scanned again.
import type { PlainChangeLog } from '../lib/growable.ts';
import { scanDeltas, type DeltaTarget } from './delta-scan.ts';

/** One distinct frame: its changes and deltas in frame order, or why it could not be read. */
export class ScannedFrame implements DeltaTarget {
  readonly deviceIDs: number[] = [];
  readonly statuses: number[] = [];
  readonly gateways: number[] = [];
  readonly seqs: number[] = [];
  error: string | undefined;

  constructor(readonly bytes: Uint8Array) {}

  onChange(deviceID: number, status: number): void {
    this.deviceIDs.push(deviceID);
    this.statuses.push(status);
  }

  onDelta(gateway: number, seq: number): void {
    this.gateways.push(gateway);
    this.seqs.push(seq);
  }
}

/** How many distinct frames are kept: a send's frames all arrive before the next send's. */
const KEPT = 256;

export class ScannedFrames {
  private readonly byLength = new Map<number, ScannedFrame[]>();
  private readonly order: ScannedFrame[] = [];
  scans = 0;
  hits = 0;

  /** The frame with exactly these bytes, scanned now if it is not kept. */
  get(bytes: Uint8Array): ScannedFrame {
    const same = this.byLength.get(bytes.length);
    if (same)
      for (const f of same)
        if (Buffer.compare(f.bytes, bytes) === 0) {
          this.hits++;
          return f;
        }
    // A copy: the kept bytes must not change under the compare, whatever ws does with its buffers.
    const frame = new ScannedFrame(Buffer.from(bytes));
    try {
      scanDeltas(bytes, frame);
    } catch (e) {
      frame.error = e instanceof Error ? e.message : String(e);
    }
    this.scans++;
    this.keep(frame);
    return frame;
  }

  private keep(frame: ScannedFrame): void {
    const len = frame.bytes.length;
    const same = this.byLength.get(len);
    if (same) same.push(frame);
    else this.byLength.set(len, [frame]);
    this.order.push(frame);
    if (this.order.length <= KEPT) return;
    const old = this.order.shift()!;
    const list = this.byLength.get(old.bytes.length)!;
    list.splice(list.indexOf(old), 1);
    if (list.length === 0) this.byLength.delete(old.bytes.length);
  }
}

/**
 * A session's arrivals as (frame, arrival time) pairs; matching expands them into one row per change
 * (the ChangeLog shape), after the measured window.
 */
export class FrameArrivals {
  private frames: ScannedFrame[] = [];
  private times: number[] = [];
  /** Changes logged (not frames). */
  length = 0;

  get frameCount(): number {
    return this.frames.length;
  }

  push(frame: ScannedFrame, time: number): void {
    this.frames.push(frame);
    this.times.push(time);
    this.length += frame.deviceIDs.length;
  }

  clear(): void {
    this.frames = [];
    this.times = [];
    this.length = 0;
  }

  toPlain(): PlainChangeLog {
    const out: PlainChangeLog = { deviceIDs: [], statuses: [], times: [] };
    this.frames.forEach((f, i) => {
      const t = this.times[i]!;
      for (let k = 0; k < f.deviceIDs.length; k++) {
        out.deviceIDs.push(f.deviceIDs[k]!);
        out.statuses.push(f.statuses[k]!);
        out.times.push(t);
      }
    });
    return out;
  }
}

// Frames of the fan-out floor (scenarios/fanout-floor.ts): fixed-size frames whose first 16 bytes
// are the time the send began and the time the previous send began (epoch ms, lib/clock.ts). A
// receiver knows its frame size, so it finds frames in the TCP stream by position alone and does no
// other work per frame: what it costs is what any client's read costs.

export const FRAME_HEAD_BYTES = 16;

/** A frame of `bytes` (>= FRAME_HEAD_BYTES) stamped with the two send times. */
export function stampedFrame(bytes: number, sentAt: number, previousAt: number): Buffer {
  if (!Number.isInteger(bytes) || bytes < FRAME_HEAD_BYTES)
    throw new Error(`floor: a frame must be an integer >= ${FRAME_HEAD_BYTES} bytes, got ${bytes}`);
  // Zeroed: the padding is what a frame of that size carries, never stale memory.
  const frame = Buffer.alloc(bytes);
  frame.writeDoubleLE(sentAt, 0);
  frame.writeDoubleLE(previousAt, 8);
  return frame;
}

/** Finds the frames of one connection in its chunks; calls `onFrame` when a frame's head is read. */
export class FrameReader {
  /** Bytes of the stream read so far. */
  private offset = 0;
  private readonly head = Buffer.alloc(FRAME_HEAD_BYTES);

  constructor(
    private readonly frameBytes: number,
    private readonly onFrame: (sentAt: number, previousAt: number) => void,
  ) {
    if (!Number.isInteger(frameBytes) || frameBytes < FRAME_HEAD_BYTES)
      throw new Error(
        `floor: frame size must be an integer >= ${FRAME_HEAD_BYTES}, got ${frameBytes}`,
      );
  }

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      const inFrame = this.offset % this.frameBytes;
      if (inFrame < FRAME_HEAD_BYTES) {
        const n = Math.min(FRAME_HEAD_BYTES - inFrame, chunk.length - at);
        chunk.copy(this.head, inFrame, at, at + n);
        at += n;
        this.offset += n;
        if (inFrame + n === FRAME_HEAD_BYTES)
          this.onFrame(this.head.readDoubleLE(0), this.head.readDoubleLE(8));
      } else {
        const n = Math.min(this.frameBytes - inFrame, chunk.length - at);
        at += n;
        this.offset += n;
      }
    }
  }
}

/**
 * Ages at arrival of the changes a frame stands for. A frame carries what happened since the
 * previous send began, so `perFrame` changes spread evenly over (previousAt, sentAt] stand for a
 * steady change rate; each one's age is `arrivedAt` minus its time.
 */
export function changeAges(
  arrivedAt: number,
  sentAt: number,
  previousAt: number,
  perFrame: number,
  out: number[],
): void {
  const span = sentAt - previousAt;
  for (let k = 0; k < perFrame; k++)
    out.push(arrivedAt - (previousAt + ((k + 1) / perFrame) * span));
}

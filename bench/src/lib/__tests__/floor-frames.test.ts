import { describe, expect, it } from 'vitest';
import { changeAges, FRAME_HEAD_BYTES, FrameReader, stampedFrame } from '../floor-frames.ts';

function framesOf(size: number, chunks: Buffer[]): Array<[number, number]> {
  const seen: Array<[number, number]> = [];
  const reader = new FrameReader(size, (sentAt, previousAt) => seen.push([sentAt, previousAt]));
  for (const c of chunks) reader.push(c);
  return seen;
}

describe('fan-out floor frames', () => {
  it('finds each frame of a stream however the stream is cut', () => {
    const stream = Buffer.concat([
      stampedFrame(40, 1000.5, 990.25),
      stampedFrame(40, 1010.75, 1000.5),
      stampedFrame(40, 1020, 1010.75),
    ]);
    const expected = [
      [1000.5, 990.25],
      [1010.75, 1000.5],
      [1020, 1010.75],
    ];
    expect(framesOf(40, [stream])).toEqual(expected);
    // Byte by byte, and cut inside the heads and inside the padding.
    expect(
      framesOf(
        40,
        [...stream].map((b) => Buffer.from([b])),
      ),
    ).toEqual(expected);
    expect(
      framesOf(40, [stream.subarray(0, 7), stream.subarray(7, 53), stream.subarray(53)]),
    ).toEqual(expected);
  });

  it('reports a frame once its head is read, before its padding arrives', () => {
    const frame = stampedFrame(1000, 5, 4);
    expect(framesOf(1000, [frame.subarray(0, FRAME_HEAD_BYTES)])).toEqual([[5, 4]]);
  });

  it('refuses a frame size that cannot hold the head', () => {
    expect(() => stampedFrame(8, 1, 0)).toThrow(/>= 16 bytes, got 8/);
    expect(() => new FrameReader(15, () => {})).toThrow(/>= 16, got 15/);
  });

  it('ages changes spread evenly between the two sends', () => {
    const ages: number[] = [];
    changeAges(130, 100, 80, 4, ages);
    // Changes at 85, 90, 95 and 100, read at 130.
    expect(ages).toEqual([45, 40, 35, 30]);
  });
});

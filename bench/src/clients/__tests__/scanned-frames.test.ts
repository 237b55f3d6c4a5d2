import { describe, expect, it } from 'vitest';
import { DeviceStatus } from '@cmc/gsdk/names';
import { gatewayHash } from '../delta-scan.ts';
import { FrameArrivals, ScannedFrames } from '../scanned-frames.ts';

const frame = (gatewayID: string, seq: number, deviceIDs: number[]): Buffer =>
  Buffer.from(
    `42${JSON.stringify([
      'deltas',
      {
        deltas: [
          {
            gatewayID,
            seq,
            changes: deviceIDs.map((deviceID) => ({ deviceID, status: 'TCP_CONNECTED', at: 1 })),
          },
        ],
      },
    ])}`,
  );

describe('ScannedFrames', () => {
  it('scans a frame once and hands the same result to every copy of its bytes', () => {
    const frames = new ScannedFrames();
    const a = frames.get(frame('gw-1', 3, [10, 11]));
    const b = frames.get(frame('gw-1', 3, [10, 11]));
    expect(b).toBe(a);
    expect([frames.scans, frames.hits]).toEqual([1, 1]);
    expect(a.deviceIDs).toEqual([10, 11]);
    expect(a.statuses).toEqual([DeviceStatus.TCP_CONNECTED, DeviceStatus.TCP_CONNECTED]);
    expect(a.gateways).toEqual([gatewayHash('gw-1')]);
    expect(a.seqs).toEqual([3]);
  });

  it('tells apart frames of the same length that differ in one byte', () => {
    const frames = new ScannedFrames();
    const a = frames.get(frame('gw-1', 3, [10, 11]));
    const b = frames.get(frame('gw-1', 4, [10, 11]));
    const c = frames.get(frame('gw-1', 3, [10, 12]));
    expect(new Set([a, b, c]).size).toBe(3);
    expect([b.seqs, c.deviceIDs]).toEqual([[4], [10, 12]]);
    expect(frames.scans).toBe(3);
  });

  it('keeps its own copy of the bytes, so a reused receive buffer cannot alter a kept frame', () => {
    const frames = new ScannedFrames();
    const bytes = frame('gw-1', 3, [10, 11]);
    const a = frames.get(bytes);
    bytes.fill(0x20);
    expect(frames.get(frame('gw-1', 3, [10, 11]))).toBe(a);
  });

  it('records why a frame could not be read instead of a partial count', () => {
    const frames = new ScannedFrames();
    const bad = frames.get(Buffer.from('42["deltas",{"deltas":[{"gatewayID":"gw-1","seq":1,'));
    expect(bad.error).toMatch(/delta-scan/);
  });

  it('forgets the oldest frames past its bound and scans them again when they come back', () => {
    const frames = new ScannedFrames();
    const first = frames.get(frame('gw-1', 0, [1]));
    for (let seq = 1; seq <= 300; seq++) frames.get(frame('gw-1', seq, [1]));
    const again = frames.get(frame('gw-1', 0, [1]));
    expect(again).not.toBe(first);
    expect(again.seqs).toEqual([0]);
    expect(frames.scans).toBe(302);
  });
});

describe('FrameArrivals', () => {
  it('expands (frame, time) pairs into one row per change, in arrival order', () => {
    const frames = new ScannedFrames();
    const log = new FrameArrivals();
    log.push(frames.get(frame('gw-1', 1, [10, 11])), 100);
    log.push(frames.get(frame('gw-2', 1, [20])), 105);
    log.push(frames.get(frame('gw-1', 1, [10, 11])), 107);
    expect(log.length).toBe(5);
    const s = DeviceStatus.TCP_CONNECTED;
    expect(log.toPlain()).toEqual({
      deviceIDs: [10, 11, 20, 10, 11],
      statuses: [s, s, s, s, s],
      times: [100, 100, 105, 107, 107],
    });
    log.clear();
    expect([log.length, log.toPlain().times]).toEqual([0, []]);
  });
});

import { describe, expect, it } from 'vitest';
import type { DeltaEvent } from '@cmc/api';
import { parseDeltas, takeDeltas } from '../delta-intake.ts';

const delta = (gatewayID: string, seq: number, deviceID = 1): DeltaEvent => ({
  gatewayID,
  seq,
  changes: [{ deviceID, gatewayID, status: 'TCP_CONNECTED', at: 1_700_000_000_000 }],
});

describe('parseDeltas', () => {
  it('turns a per-gateway delta into a list of one', () => {
    expect(parseDeltas('delta', delta('gw1', 3))).toEqual({ ok: true, deltas: [delta('gw1', 3)] });
  });

  it('unpacks a batched deltas event, keeping each gateway and seq in order', () => {
    const batch = { deltas: [delta('gw1', 3), delta('gw2', 8, 2)] };
    const parsed = parseDeltas('deltas', batch);
    expect(parsed).toEqual({ ok: true, deltas: batch.deltas });
  });

  it('names the field of a malformed event', () => {
    expect(parseDeltas('deltas', { deltas: [{ ...delta('gw1', 3), seq: 0 }] })).toEqual({
      ok: false,
      message: expect.stringMatching(/^bad deltas: deltas\.0\.seq: /),
    });
    expect(parseDeltas('deltas', { deltas: [] })).toEqual({
      ok: false,
      message: 'bad deltas: deltas: deltas is empty',
    });
    expect(parseDeltas('delta', { seq: 1, changes: [] })).toEqual({
      ok: false,
      message: expect.stringMatching(/^bad delta: gatewayID: /),
    });
  });

  it('takes statuses as the names REST uses and refuses numbers or unknown names', () => {
    const numeric = { ...delta('gw1', 3), changes: [{ ...delta('gw1', 3).changes[0], status: 1 }] };
    expect(parseDeltas('delta', numeric)).toEqual({
      ok: false,
      message: expect.stringMatching(/^bad delta: changes\.0\.status: /),
    });
    const unknown = {
      ...delta('gw1', 3),
      changes: [{ ...delta('gw1', 3).changes[0], status: 'UNKNOWN_999' }],
    };
    expect(parseDeltas('delta', unknown)).toMatchObject({ ok: false });
  });
});

describe('takeDeltas', () => {
  it('advances each gateway of a batch and finds no gap when every seq follows', () => {
    const lastSeq = new Map([
      ['gw1', 2],
      ['gw2', 7],
    ]);
    expect(takeDeltas(lastSeq, [delta('gw1', 3), delta('gw2', 8)])).toEqual([]);
    expect(Object.fromEntries(lastSeq)).toEqual({ gw1: 3, gw2: 8 });
  });

  it('returns each gateway of a batch that missed something, once, and still advances it', () => {
    const lastSeq = new Map([
      ['gw1', 2],
      ['gw2', 7],
      ['gw3', 1],
    ]);
    const stale = takeDeltas(lastSeq, [
      delta('gw1', 5), // 3 and 4 missed
      delta('gw2', 8),
      delta('gw3', 1), // repeated
      delta('gw1', 7), // and again
    ]);
    expect(stale).toEqual(['gw1', 'gw3']);
    expect(Object.fromEntries(lastSeq)).toEqual({ gw1: 7, gw2: 8, gw3: 1 });
  });

  it('takes a gateway it has no snapshot for yet without calling it a gap', () => {
    const lastSeq = new Map<string, number>();
    expect(takeDeltas(lastSeq, [delta('gw9', 12)])).toEqual([]);
    expect(lastSeq.get('gw9')).toBe(12);
  });
});

import { describe, expect, it } from 'vitest';
import type { DeltaEvent } from '@cmc/api';
import type { Server } from 'socket.io';
import { fanOutDeltas, joinedChanged, type FanOutSocketData } from '../fan-out.ts';

/** A stand-in for the socket.io server: its local sockets and every emit with its target sockets. */
function fakeIo(sockets: Array<{ id: string; data: FanOutSocketData }>) {
  const emits: Array<{ to: string[]; event: string; payload: unknown }> = [];
  const io = {
    sockets: { sockets: new Map(sockets.map((s) => [s.id, s])) },
    local: {
      to: (to: string[]) => ({
        emit: (event: string, payload: unknown) => void emits.push({ to: [...to], event, payload }),
      }),
    },
  };
  return { io: io as unknown as Server, emits };
}

const delta = (gatewayID: string, seq: number): DeltaEvent => ({ gatewayID, seq, changes: [] });

describe('fanOutDeltas', () => {
  it('makes one emit per group of sockets with the same joined set and protocol', () => {
    const all = () => new Set(['gw1', 'gw2', 'gw3']);
    const { io, emits } = fakeIo([
      { id: 'a', data: { joined: all(), batched: true } },
      { id: 'b', data: { joined: all(), batched: true } },
      { id: 'c', data: { joined: new Set(['gw3', 'gw1', 'gw2']), batched: true } }, // same set
      { id: 'd', data: { joined: new Set(['gw2']), batched: true } },
      { id: 'e', data: { joined: new Set(['gw9']), batched: true } }, // nothing for it
      { id: 'f', data: { joined: new Set() } }, // joined nothing
      { id: 'g', data: {} }, // still in the handshake
    ]);
    const batch = [delta('gw1', 4), delta('gw2', 9)];
    expect(fanOutDeltas(io, batch)).toBe(2);
    expect(emits).toEqual([
      { to: ['a', 'b', 'c'], event: 'deltas', payload: { deltas: batch } },
      { to: ['d'], event: 'deltas', payload: { deltas: [delta('gw2', 9)] } },
    ]);
  });

  it('sends per-gateway delta events to sockets that did not opt in', () => {
    const { io, emits } = fakeIo([
      { id: 'a', data: { joined: new Set(['gw1', 'gw2']), batched: true } },
      { id: 'b', data: { joined: new Set(['gw1', 'gw2']) } },
    ]);
    const batch = [delta('gw1', 4), delta('gw2', 9)];
    expect(fanOutDeltas(io, batch)).toBe(3);
    expect(emits).toEqual([
      { to: ['a'], event: 'deltas', payload: { deltas: batch } },
      { to: ['b'], event: 'delta', payload: batch[0] },
      { to: ['b'], event: 'delta', payload: batch[1] },
    ]);
  });

  it('regroups a socket after joinedChanged()', () => {
    const a: FanOutSocketData = { joined: new Set(['gw1']), batched: true };
    const b: FanOutSocketData = { joined: new Set(['gw1']), batched: true };
    const { io, emits } = fakeIo([
      { id: 'a', data: a },
      { id: 'b', data: b },
    ]);
    fanOutDeltas(io, [delta('gw1', 1)]);
    b.joined?.add('gw2');
    joinedChanged(b);
    fanOutDeltas(io, [delta('gw2', 1)]);
    expect(emits.map((e) => e.to)).toEqual([['a', 'b'], ['b']]);
  });

  it('sends nothing for an empty batch', () => {
    const { io, emits } = fakeIo([{ id: 'a', data: { joined: new Set(['gw1']) } }]);
    expect(fanOutDeltas(io, [])).toBe(0);
    expect(emits).toEqual([]);
  });
});

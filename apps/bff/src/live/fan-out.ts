// Sends one batch of per-gateway deltas to this process's sockets. Sockets are grouped by what they
// have joined (and by protocol), and each group gets one emit: socket.io encodes a broadcast packet
// once and writes it to every socket of the group, so the work per window is O(sockets + groups x
// gateways in the batch), not O(sockets x gateways). Typical consoles join 'all' and form one group.
// A batched group's frame is built once and written straight to every socket idle on a WebSocket
// (direct-frames.ts); the rest of the group gets it through socket.io.
import type { DeltaEvent } from '@cmc/api';
import type { Server, Socket } from 'socket.io';
import { eventFrame, writeFrameToIdle } from './direct-frames.ts';

/** What fan-out reads from socket.data (set by socket-handlers.ts). */
export interface FanOutSocketData {
  joined?: Set<string>;
  /**
   * Cache of the group key (protocol + joined set) as one flat string, so grouping allocates
   * nothing per window; cleared by joinedChanged() whenever `joined` changes.
   */
  joinedKey?: string;
  /** The client asked for batched `deltas` events at the handshake; otherwise one `delta` each. */
  batched?: boolean;
}

/** Call after every change of socket.data.joined, so the socket is regrouped. */
export function joinedChanged(data: FanOutSocketData): void {
  data.joinedKey = undefined;
}

function keyOf(data: FanOutSocketData, joined: Set<string>): string {
  data.joinedKey ??= `${data.batched === true ? 'b' : 'l'}|${[...joined].sort().join('\n')}`;
  return data.joinedKey;
}

interface Group {
  joined: Set<string>;
  batched: boolean;
  sockets: Socket[];
}

/** Returns how many socket.io emits it made (one per group, or per delta for legacy groups). */
export function fanOutDeltas(io: Server, deltas: readonly DeltaEvent[]): number {
  if (deltas.length === 0) return 0;
  const groups = new Map<string, Group>();
  for (const socket of io.sockets.sockets.values()) {
    const data = socket.data as FanOutSocketData;
    const joined = data.joined;
    if (!joined || joined.size === 0) continue;
    const key = keyOf(data, joined);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { joined, batched: data.batched === true, sockets: [] }));
    group.sockets.push(socket);
  }
  let emits = 0;
  for (const group of groups.values()) {
    const theirs = deltas.filter((d) => group.joined.has(d.gatewayID));
    if (theirs.length === 0) continue;
    // Each socket is in the room named by its own ID; `local`: with a shared adapter every
    // instance sends its own sockets deltas from its own state.
    if (group.batched) {
      const payload = { deltas: theirs };
      const others = writeFrameToIdle(group.sockets, eventFrame('deltas', payload));
      if (others.length > 0) io.local.to(others).emit('deltas', payload);
      emits += 1;
    } else {
      const to = io.local.to(group.sockets.map((s) => s.id));
      for (const delta of theirs) to.emit('delta', delta);
      emits += theirs.length;
    }
  }
  return emits;
}

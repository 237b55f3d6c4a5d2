// Writes one socket.io event to many connections as one pre-built WebSocket frame each. socket.io's
// broadcast encodes a packet once, but every socket still goes through engine.io's packet queue and
// ws's sender: a packet object and four events per socket, cork + writev of header and payload, and
// a write callback that re-enables the transport. At 1,000 sockets and 10,000 changes/s that was ~15 %
// of the BFF's CPU beside the writes themselves (bench/README.md, issue 12's item 9). A connection
// idle on a plain WebSocket gets the frame written straight to its TCP socket in one write; any other
// (long-polling, mid-upgrade, a send of engine.io's own still in flight, closing) goes through
// socket.io as before. Writes to one TCP socket keep their order, and a connection that engine.io is
// writing to is never written to here, so every connection still sees frames in the order sent.
import type { Socket } from 'socket.io';

/** engine.io's and ws's internals that decide whether a connection is idle (engine.io 6, ws 8). */
interface EngineConnection {
  readyState?: string;
  upgrading?: boolean;
  writeBuffer?: unknown[];
  transport?: { name?: string; writable?: boolean; socket?: WsConnection };
}
interface WsConnection {
  readyState?: number;
  _sender?: { _queue?: unknown[]; _state?: number };
  _socket?: { destroyed?: boolean; writable?: boolean; write(chunk: Buffer): boolean };
}
const WS_OPEN = 1;
const WS_SENDER_IDLE = 0;

/** The TCP socket under `socket`, if nothing but this module could be writing to it now. */
function idleWebSocket(socket: Socket): WsConnection['_socket'] | undefined {
  if (!socket.connected) return undefined;
  const conn = socket.conn as unknown as EngineConnection;
  const transport = conn.transport;
  if (conn.readyState !== 'open' || conn.upgrading === true || conn.writeBuffer?.length !== 0)
    return undefined;
  if (transport?.name !== 'websocket' || transport.writable !== true) return undefined;
  const ws = transport.socket;
  const sender = ws?._sender;
  if (ws?.readyState !== WS_OPEN || !sender) return undefined;
  if (sender._queue?.length !== 0 || sender._state !== WS_SENDER_IDLE) return undefined;
  const tcp = ws._socket;
  if (!tcp || tcp.destroyed === true || tcp.writable !== true) return undefined;
  return tcp;
}

/**
 * One unmasked, unfragmented text frame (RFC 6455 5.2) holding the engine.io MESSAGE of a socket.io
 * EVENT packet on the default namespace: what socket.io would have sent for `emit(event, payload)`
 * with a JSON payload (no binary attachments, no ack).
 */
export function eventFrame(event: string, payload: unknown): Buffer {
  const text = `42${JSON.stringify([event, payload])}`;
  const length = Buffer.byteLength(text);
  const head = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(head + length);
  frame[0] = 0x81; // FIN, text
  if (head === 2) frame[1] = length;
  else if (head === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.write(text, head, 'utf8');
  return frame;
}

/**
 * Writes `frame` to every socket idle on a WebSocket and returns the IDs of the others, for the
 * caller to send the same event to through socket.io.
 */
export function writeFrameToIdle(sockets: readonly Socket[], frame: Buffer): string[] {
  const others: string[] = [];
  for (const socket of sockets) {
    const tcp = idleWebSocket(socket);
    if (tcp) tcp.write(frame);
    else others.push(socket.id);
  }
  return others;
}

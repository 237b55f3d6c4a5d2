import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Server, type Socket } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { eventFrame, writeFrameToIdle } from '../direct-frames.ts';

let closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of closers.reverse()) await close();
  closers = [];
});

/** A real socket.io server on 127.0.0.1:0 and a real client per transport list given. */
async function serverWith(
  ...transports: Array<Array<'websocket' | 'polling'>>
): Promise<{ io: Server; server: Socket[]; clients: ClientSocket[] }> {
  const httpServer = http.createServer();
  const io = new Server(httpServer);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => void io.close(() => resolve())));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const server: Socket[] = [];
  const clients: ClientSocket[] = [];
  for (const t of transports) {
    const joined = new Promise<Socket>((resolve) => io.once('connection', resolve));
    const client = connect(url, { transports: t, upgrade: t.length > 1, forceNew: true });
    closers.push(() => void client.close());
    clients.push(client);
    server.push(await joined);
  }
  return { io, server, clients };
}

const received = (client: ClientSocket, count: number): Promise<Array<[string, unknown]>> =>
  new Promise((resolve) => {
    const got: Array<[string, unknown]> = [];
    client.onAny((event: string, payload: unknown) => {
      got.push([event, payload]);
      if (got.length === count) resolve(got);
    });
  });

/** `first` through socket.io, then, once engine.io's write has completed, `second` written directly. */
async function socketIoThenDirect(
  server: Socket[],
  first: [string, number],
  second: [string, number],
): Promise<void> {
  server[0]!.emit(...first);
  // engine.io re-enables the transport in the write callback, on a later tick.
  await new Promise((r) => setImmediate(r));
  expect(writeFrameToIdle(server, eventFrame(...second))).toEqual([]);
}

describe('writeFrameToIdle', () => {
  it('writes the event to a WebSocket connection, which socket.io-client reads as that event', async () => {
    const { server, clients } = await serverWith(['websocket']);
    const got = received(clients[0]!, 1);
    const payload = { deltas: [{ gatewayID: 'gw-1', seq: 1, changes: [] }], note: 'é ✓' };
    expect(writeFrameToIdle(server, eventFrame('deltas', payload))).toEqual([]);
    expect(await got).toEqual([['deltas', payload]]);
  });

  it('frames payloads past the 16-bit length (125 / 65,535 bytes) as the protocol says', async () => {
    const { server, clients } = await serverWith(['websocket']);
    const sizes = [10, 200, 70_000];
    const got = received(clients[0]!, sizes.length);
    for (const n of sizes) writeFrameToIdle(server, eventFrame('blob', 'x'.repeat(n)));
    expect((await got).map(([, p]) => (p as string).length)).toEqual(sizes);
  });

  it('leaves a long-polling connection to socket.io and returns its ID', async () => {
    const { server } = await serverWith(['polling'], ['websocket']);
    expect(writeFrameToIdle(server, eventFrame('deltas', {}))).toEqual([server[0]!.id]);
  });

  it('leaves a connection with a send of socket.io still in flight, so frames keep their order', async () => {
    const { server, clients } = await serverWith(['websocket']);
    const got = received(clients[0]!, 3);
    server[0]!.emit('first', 1);
    // Still in flight: the same event must go through socket.io, behind 'first'.
    expect(writeFrameToIdle(server, eventFrame('second', 2))).toEqual([server[0]!.id]);
    await socketIoThenDirect(server, ['second', 2], ['third', 3]);
    expect(await got).toEqual([
      ['first', 1],
      ['second', 2],
      ['third', 3],
    ]);
  });

  it('leaves a connection to socket.io while it upgrades from long-polling, then writes to it', async () => {
    const { server, clients } = await serverWith(['polling', 'websocket']);
    const conn = server[0]!.conn;
    expect(conn.transport.name).toBe('polling');
    expect(writeFrameToIdle(server, eventFrame('e', 0))).toEqual([server[0]!.id]);
    await new Promise<void>((resolve) => conn.once('upgrade', () => resolve()));
    const got = received(clients[0]!, 2);
    await socketIoThenDirect(server, ['e', 1], ['e', 2]);
    expect(await got).toEqual([
      ['e', 1],
      ['e', 2],
    ]);
  });

  it('skips a socket that has disconnected', async () => {
    const { server } = await serverWith(['websocket']);
    server[0]!.disconnect(true);
    expect(writeFrameToIdle(server, eventFrame('deltas', {}))).toEqual([server[0]!.id]);
  });
});

// The tab's one socket.io connection to the BFF: the live client (live-client.ts) opens it while
// the shell shows and publishes it here; other socket users (alarm events) attach to it instead of
// opening a connection of their own. With a second connection per tab, 1,000 viewers were 2,000
// sockets on the BFF.
import type { Socket } from 'socket.io-client';

/** Adds handlers to a socket; returns what removes them. */
export type SocketAttachment = (socket: Socket) => () => void;

let current: Socket | undefined;
const attached = new Map<SocketAttachment, (() => void) | undefined>();

/** The live client's socket as it opens (`undefined` as it closes): attachments move to it. */
export function publishAppSocket(socket: Socket | undefined): void {
  for (const [attach, detach] of attached) {
    detach?.();
    attached.set(attach, undefined);
  }
  current = socket;
  if (socket) for (const attach of attached.keys()) attached.set(attach, attach(socket));
}

/** Runs `attach` on the app's socket now if it is open, and on each one opened later. */
export function onAppSocket(attach: SocketAttachment): () => void {
  attached.set(attach, current ? attach(current) : undefined);
  return () => {
    attached.get(attach)?.();
    attached.delete(attach);
  };
}

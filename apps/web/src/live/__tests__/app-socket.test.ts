// The tab's one socket: attachments run on the live client's socket when it opens, move to the next
// one when it reconnects from scratch, and are removed when detached or when the socket closes.
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { onAppSocket, publishAppSocket } from '../app-socket.ts';

const fakeSocket = (name: string) => ({ name }) as unknown as Socket;

afterEach(() => publishAppSocket(undefined));

describe('app socket', () => {
  it('attaches to the socket once it opens, and moves to a new one', () => {
    const log: string[] = [];
    const detach = onAppSocket((socket) => {
      const name = (socket as unknown as { name: string }).name;
      log.push(`attach ${name}`);
      return () => log.push(`detach ${name}`);
    });
    expect(log).toEqual([]);
    publishAppSocket(fakeSocket('a'));
    publishAppSocket(fakeSocket('b'));
    publishAppSocket(undefined);
    expect(log).toEqual(['attach a', 'detach a', 'attach b', 'detach b']);
    detach();
    publishAppSocket(fakeSocket('c'));
    expect(log).toHaveLength(4);
  });

  it('attaches at once to a socket already open, and detaching removes the handlers', () => {
    const log: string[] = [];
    publishAppSocket(fakeSocket('a'));
    const detach = onAppSocket(() => {
      log.push('attach');
      return () => log.push('detach');
    });
    expect(log).toEqual(['attach']);
    detach();
    expect(log).toEqual(['attach', 'detach']);
    publishAppSocket(undefined);
    expect(log).toEqual(['attach', 'detach']);
  });
});

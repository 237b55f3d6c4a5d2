import { describe, expect, it } from 'vitest';
import { EventQueue } from '../event-queue.ts';

describe('EventQueue', () => {
  it('delivers in order to a consumer that waits and to one that comes later', async () => {
    const queue = new EventQueue<number>(10);
    const waiting = queue.next();
    queue.push(1);
    queue.push(2);
    queue.push(3);
    expect(await waiting).toEqual({ value: 1, done: false });
    expect(await queue.next()).toEqual({ value: 2, done: false });
    expect(await queue.next()).toEqual({ value: 3, done: false });
  });

  it('drops the oldest droppable item when full and counts it', async () => {
    const queue = new EventQueue<string>(3, (item) => item.startsWith('change'));
    queue.push('subscribed');
    queue.push('change-1');
    queue.push('change-2');
    queue.push('change-3');
    queue.push('change-4');
    expect(queue.dropped).toBe(2);
    const seen: string[] = [];
    while (queue.size > 0) seen.push((await queue.next()).value as string);
    expect(seen).toEqual(['subscribed', 'change-3', 'change-4']);
  });

  it('drops the oldest item when nothing is droppable', async () => {
    const queue = new EventQueue<string>(2, () => false);
    queue.push('a');
    queue.push('b');
    queue.push('c');
    expect(queue.dropped).toBe(1);
    expect((await queue.next()).value).toBe('b');
  });

  it('stays bounded under a flood and keeps the newest items', async () => {
    const queue = new EventQueue<number>(1000);
    for (let i = 0; i < 100_000; i += 1) queue.push(i);
    expect(queue.size).toBe(1000);
    expect(queue.dropped).toBe(99_000);
    expect((await queue.next()).value).toBe(99_000);
  });

  it('close() ends waiting and later reads and discards the rest', async () => {
    const queue = new EventQueue<number>(10);
    const waiting = queue.next();
    queue.close();
    expect(await waiting).toEqual({ value: undefined, done: true });
    queue.push(1);
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });
});

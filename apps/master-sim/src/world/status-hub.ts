import type { ServerWritableStream } from '@grpc/grpc-js';
import { status as grpcStatus } from '@grpc/grpc-js';

/** The part of a grpc-js server stream the hub uses (a plain Writable in unit tests). */
export type EventSink<T> = Pick<
  ServerWritableStream<unknown, T>,
  'write' | 'once' | 'emit' | 'end'
>;

export interface SubscriberStats {
  id: number;
  label: string;
  queueSize: number;
  queued: number;
  delivered: number;
  dropped: number;
}

/** A fixed-capacity FIFO that drops (and counts) its oldest entry when full. */
class BoundedQueue<T> {
  private readonly items: (T | undefined)[];
  private head = 0;
  size = 0;
  dropped = 0;

  constructor(readonly capacity: number) {
    this.items = new Array<T | undefined>(capacity);
  }

  push(item: T): void {
    if (this.size === this.capacity) {
      this.head = (this.head + 1) % this.capacity;
      this.size--;
      this.dropped++;
    }
    this.items[(this.head + this.size) % this.capacity] = item;
    this.size++;
  }

  shift(): T | undefined {
    if (this.size === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) % this.capacity;
    this.size--;
    return item;
  }
}

class Subscriber<T> {
  readonly queue: BoundedQueue<T>;
  delivered = 0;
  private blocked = false;

  constructor(
    readonly id: number,
    readonly label: string,
    readonly accept: (event: T) => boolean,
    readonly sink: EventSink<T>,
    queueSize: number,
  ) {
    this.queue = new BoundedQueue<T>(queueSize);
  }

  offer(event: T): void {
    if (this.blocked) {
      this.queue.push(event);
      return;
    }
    this.send(event);
  }

  private send(event: T): void {
    this.delivered++;
    // write() returning false means the stream (HTTP/2 flow control) is full: hold further events in
    // our bounded queue until 'drain', as a real gateway's per-subscriber channel does.
    if (!this.sink.write(event)) {
      this.blocked = true;
      this.sink.once('drain', () => this.flush());
    }
  }

  private flush(): void {
    this.blocked = false;
    let next: T | undefined;
    while (!this.blocked && (next = this.queue.shift()) !== undefined) this.send(next);
  }
}

export const DEFAULT_QUEUE_SIZE = 100;
export const MAX_QUEUE_SIZE = 100_000;

/**
 * Fans status events out to SubscribeStatus streams. Each subscriber has its own bounded queue
 * (`queueSize`, 100 when 0): a slow reader loses its oldest events, never slows the others down,
 * and its drop count is visible in `stats()`.
 */
export class StatusHub<T> {
  private readonly subscribers = new Map<number, Subscriber<T>>();
  private nextID = 1;

  subscribe(
    label: string,
    sink: EventSink<T>,
    queueSize: number,
    accept: (event: T) => boolean,
  ): () => void {
    const size = queueSize > 0 ? Math.min(queueSize, MAX_QUEUE_SIZE) : DEFAULT_QUEUE_SIZE;
    const id = this.nextID++;
    this.subscribers.set(id, new Subscriber(id, label, accept, sink, size));
    return () => this.subscribers.delete(id);
  }

  publish(event: T): void {
    for (const sub of this.subscribers.values()) if (sub.accept(event)) sub.offer(event);
  }

  get count(): number {
    return this.subscribers.size;
  }

  stats(): SubscriberStats[] {
    return [...this.subscribers.values()].map((s) => ({
      id: s.id,
      label: s.label,
      queueSize: s.queue.capacity,
      queued: s.queue.size,
      delivered: s.delivered,
      dropped: s.queue.dropped,
    }));
  }

  /** Ends every stream with a status (UNAVAILABLE by default), as a restarting master does. */
  breakAll(details = 'status stream closed by the master', code = grpcStatus.UNAVAILABLE): number {
    const subs = [...this.subscribers.values()];
    this.subscribers.clear();
    for (const s of subs)
      s.sink.emit('error', Object.assign(new Error(details), { code, details }));
    return subs.length;
  }
}

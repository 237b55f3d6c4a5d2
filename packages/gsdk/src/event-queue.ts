/**
 * A bounded single-consumer queue between a grpc stream (push) and an async iterator (next).
 * When the consumer stops reading and `capacity` items wait, the oldest droppable item goes
 * (oldest first, because a newer status of the same device supersedes it) and `dropped` counts it;
 * items that are not droppable (stream control events) are only dropped when nothing else is left.
 */
export class EventQueue<E> {
  private items: E[] = [];
  private head = 0;
  private waiters: Array<(result: IteratorResult<E>) => void> = [];
  private closed = false;
  dropped = 0;

  constructor(
    private readonly capacity: number,
    private readonly isDroppable: (item: E) => boolean = () => true,
  ) {}

  get size(): number {
    return this.items.length - this.head;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  push(item: E): void {
    if (this.closed) return;
    const waiter = this.waiters.shift();
    if (waiter) {
      waiter({ value: item, done: false });
      return;
    }
    if (this.size >= this.capacity) this.dropOne();
    this.items.push(item);
  }

  next(): Promise<IteratorResult<E>> {
    if (this.size > 0) {
      const value = this.items[this.head] as E;
      this.head += 1;
      this.compact();
      return Promise.resolve({ value, done: false });
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Ends iteration: waiting and later next() calls resolve `done`, buffered items are discarded. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.items = [];
    this.head = 0;
    for (const waiter of this.waiters.splice(0)) waiter({ value: undefined, done: true });
  }

  private dropOne(): void {
    let index = this.head;
    while (index < this.items.length && !this.isDroppable(this.items[index] as E)) index += 1;
    if (index === this.items.length) index = this.head;
    if (index === this.head) this.head += 1;
    else this.items.splice(index, 1);
    this.dropped += 1;
    this.compact();
  }

  // Shifting a large array per item is O(n); move the head instead and reclaim space in batches.
  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}

// A single-consumer async queue for the leased subscription: events are pushed by the gRPC stream or
// the Redis relay and read with for-await by the live feed. Bounded: when the consumer stalls the
// oldest `change` goes and `dropped` counts it (the feed then re-reads its lists, as with gsdk).
export class EventQueue<E> {
  private items: E[] = [];
  private waiters: Array<(result: IteratorResult<E>) => void> = [];
  private closed = false;
  dropped = 0;

  constructor(
    private readonly capacity: number,
    private readonly isDroppable: (item: E) => boolean,
  ) {}

  push(item: E): void {
    if (this.closed) return;
    const waiter = this.waiters.shift();
    if (waiter) return waiter({ value: item, done: false });
    if (this.items.length >= this.capacity) {
      const index = this.items.findIndex(this.isDroppable);
      this.items.splice(index === -1 ? 0 : index, 1);
      this.dropped += 1;
    }
    this.items.push(item);
  }

  next(): Promise<IteratorResult<E>> {
    const item = this.items.shift();
    if (item !== undefined) return Promise.resolve({ value: item, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.items = [];
    for (const waiter of this.waiters.splice(0)) waiter({ value: undefined, done: true });
  }
}

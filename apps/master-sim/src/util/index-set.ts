/**
 * A set of numbers with O(1) add, delete and uniform random pick (array + index map, swap-remove),
 * so churn over 10,000 managed devices never scans.
 */
export class IndexSet {
  private readonly items: number[] = [];
  private readonly index = new Map<number, number>();

  get size(): number {
    return this.items.length;
  }

  has(value: number): boolean {
    return this.index.has(value);
  }

  add(value: number): void {
    if (this.index.has(value)) return;
    this.index.set(value, this.items.length);
    this.items.push(value);
  }

  delete(value: number): void {
    const at = this.index.get(value);
    if (at === undefined) return;
    const last = this.items.pop() as number;
    if (last !== value) {
      this.items[at] = last;
      this.index.set(last, at);
    }
    this.index.delete(value);
  }

  /** A uniformly random member for r in [0, 1), or undefined when empty. */
  pick(r: number): number | undefined {
    return this.items[Math.floor(r * this.items.length)];
  }

  values(): readonly number[] {
    return this.items;
  }
}

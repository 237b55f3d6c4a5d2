// The master has no "add one device to the accept filter": a change is read, change, write back.
// Two such changes to the same gateway must not interleave, or the second write drops the first
// one's device. Each gateway's changes therefore run one after the other, in arrival order.
// This holds within one BFF process; several BFF instances (docs/scale-out.md) do not share it.

export type SerializeByKey = <T>(key: string, task: () => Promise<T>) => Promise<T>;

export function serializeByKey(): SerializeByKey {
  const tails = new Map<string, Promise<void>>();
  return <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    // A failed change does not block the next one.
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
}

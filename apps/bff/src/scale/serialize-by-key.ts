// Read-modify-write changes on the master (it has no "add one device to the accept filter": a change
// is read, change, write back) must not interleave, or the second write drops the first one's part.
// Each key's changes run one after the other, in arrival order, within this process; scaled out,
// storage.ts adds a Redis lock per key around each (redis-serialize-by-key.ts).

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

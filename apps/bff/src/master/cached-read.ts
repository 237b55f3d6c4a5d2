// A value read from the master, kept with the time it was read; concurrent refreshes share one read.
export interface CachedRead<T> {
  /** The last value read and when (epoch ms), or null before the first read / after clear(). */
  readonly current: { at: number; value: T } | null;
  /** Reads again; callers arriving while a read is under way get that read. */
  refresh(): Promise<T>;
  clear(): void;
}

export function cachedRead<T>(load: () => Promise<T>): CachedRead<T> {
  let current: { at: number; value: T } | null = null;
  let inflight: Promise<T> | null = null;
  return {
    get current() {
      return current;
    },
    refresh() {
      inflight ??= load()
        .then((value) => {
          current = { at: Date.now(), value };
          return value;
        })
        .finally(() => {
          inflight = null;
        });
      return inflight;
    },
    clear() {
      current = null;
    },
  };
}

// Reads started while the app's script is still evaluating, before React DOM, the router and the
// page's chunks have loaded (start-early-reads.ts runs first). A query whose key matches takes the
// answer once instead of asking again, so the page does not wait for a request it could have sent
// a second earlier (bench/README.md, "Boot of the Devices page").
import { hashKey, type QueryKey } from '@tanstack/react-query';

/** Unclaimed early answers are dropped after this long: the page that wanted them is not coming. */
const KEEP_MS = 15_000;

const started = new Map<string, Promise<unknown>>();

/** Starts `read` now for the query `key`; a failed read is forgotten (the query then asks itself). */
export function startEarlyRead(key: QueryKey, read: () => Promise<unknown>): void {
  const hash = hashKey(key);
  const promise = read();
  started.set(hash, promise);
  const forget = () => {
    if (started.get(hash) === promise) started.delete(hash);
  };
  promise.catch(forget);
  setTimeout(forget, KEEP_MS);
}

/**
 * The early read of `key`, claimed once, or `read()` when there is none. An early read that fails
 * is retried as an ordinary read, so its error (or a 401's sign-in redirect) is the ordinary one.
 */
export function claimEarlyRead<T>(key: QueryKey, read: () => Promise<T>): Promise<T> {
  // Every later device-list read passes here (live re-reads included): no key hashing once all
  // early reads are claimed or dropped.
  if (started.size === 0) return read();
  const hash = hashKey(key);
  const early = started.get(hash) as Promise<T> | undefined;
  if (!early) return read();
  started.delete(hash);
  return early.catch(read);
}

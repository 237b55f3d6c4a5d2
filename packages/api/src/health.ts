import { z } from 'zod';
import { isoTime } from './common.ts';

export const healthResponse = z.object({ ok: z.literal(true) });

/** Whether the BFF's own database takes writes (disk full, read-only file, I/O error). */
export const storageStatus = z.object({
  writable: z.boolean(),
  /** What failed, e.g. "history: database or disk is full (SQLITE_FULL)"; null while writable. */
  error: z.string().nullable(),
  /** When the writes started failing; null while writable. */
  since: isoTime.nullable(),
  /** Rows (history, audit) held in memory until the next successful write. */
  pending: z.number().int(),
  /** Rows dropped, oldest first, since the BFF started, because the memory bound was reached. */
  dropped: z.number().int(),
});
export type StorageStatus = z.infer<typeof storageStatus>;

/**
 * `ready` for anyone; the reasons (master, redis, storage) only for a signed-in administrator, since
 * they name addresses and errors of the environment.
 */
export const readyResponse = z.object({
  ready: z.boolean(),
  master: z
    .object({ reachable: z.boolean(), loggedIn: z.boolean(), error: z.string().nullable() })
    .optional(),
  /** Only when the BFF is scaled out (REDIS_URL): sessions, login counters and rooms live in Redis. */
  redis: z.object({ reachable: z.boolean(), error: z.string().nullable() }).optional(),
  storage: z.object({ writable: z.boolean(), error: z.string().nullable() }).optional(),
});
export type ReadyResponse = z.infer<typeof readyResponse>;

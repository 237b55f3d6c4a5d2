// Whether the console's own database takes writes. Writers that hold rows in memory while the disk
// is full or read-only (history, audit) report each failure and each recovery here; /readyz, the
// admin storage status and the web banner read the condition. Only transitions are logged, plus a
// counted warning when rows are dropped, so a full disk does not also fill the log.
import type { StorageStatus } from '@cmc/api';
import type { Logger } from '../logger.ts';

export interface StorageReporter {
  /** A write of `source` failed; its rows are kept in memory (see `pending`). */
  failed(source: string, error: unknown): void;
  /** A write of `source` succeeded after failures. */
  recovered(source: string): void;
  /** `count` rows of `source` were dropped (memory bound reached). */
  dropped(source: string, count: number): void;
}

export interface StorageHealth extends StorageReporter {
  /** Registers how many rows a writer holds in memory right now. */
  watch(source: string, pending: () => number): void;
  status(): StorageStatus;
}

/** "database or disk is full (SQLITE_FULL)": the message with the SQLite code when there is one. */
export function describeWriteError(error: unknown): string {
  const e = error as { message?: unknown; code?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(error);
  return typeof e?.code === 'string' ? `${message} (${e.code})` : message;
}

/** SQLite errors that mean "cannot write now" rather than a bug in the statement. */
export function isStorageWriteError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|BUSY|LOCKED|NOMEM|CORRUPT|NOTADB|PROTOCOL)/.test(code)
  );
}

export function createStorageHealth(logger: Logger): StorageHealth {
  const failing = new Map<string, { error: string; since: number }>();
  const pendingOf = new Map<string, () => number>();
  let dropped = 0;
  let lastDropLog = 0;
  const log = logger.child({ module: 'storage' });

  return {
    failed(source, error) {
      const text = describeWriteError(error);
      const known = failing.get(source);
      if (known?.error === text) return;
      failing.set(source, { error: text, since: known?.since ?? Date.now() });
      log.error('storage write failed', { source, error: text });
    },
    recovered(source) {
      const known = failing.get(source);
      if (!known) return;
      failing.delete(source);
      log.warn('storage writable again', {
        source,
        failedForMs: Date.now() - known.since,
      });
    },
    dropped(source, count) {
      dropped += count;
      // At most one line per 10 s: while the disk stays full every new row drops an old one.
      if (Date.now() - lastDropLog < 10_000) return;
      lastDropLog = Date.now();
      log.warn('rows dropped while storage is not writable', {
        source,
        droppedSinceStart: dropped,
      });
    },
    watch(source, pending) {
      pendingOf.set(source, pending);
    },
    status() {
      let pending = 0;
      for (const count of pendingOf.values()) pending += count();
      const first = [...failing.entries()].sort((a, b) => a[1].since - b[1].since)[0];
      return {
        writable: failing.size === 0,
        error: first ? `${first[0]}: ${first[1].error}` : null,
        since: first ? new Date(first[1].since).toISOString() : null,
        pending,
        dropped,
      };
    },
  };
}

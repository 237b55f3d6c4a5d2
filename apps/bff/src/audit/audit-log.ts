// Append-only audit log of every mutating action and sign-in attempt.
// A row that cannot be written (disk full, read-only file) is logged and held in memory, then
// written when the database takes writes again; a change the console makes to its own data is
// written in one transaction with its row (atomically), so neither exists without the other.
import type { AuditEntry } from '@cmc/api';
import type { Db } from '../db/database.ts';
import { isStorageWriteError, type StorageReporter } from '../db/storage-health.ts';
import { WriteBehind } from '../db/write-behind.ts';
import type { Logger } from '../logger.ts';
import { cleanOptional, cleanText, isDeviceID, toAuditEntry, type AuditRow } from './audit-text.ts';

export interface AuditRecord {
  username: string | null;
  role: 'admin' | 'tenant' | null;
  action: string;
  gatewayID?: string | null;
  deviceIDs?: number[];
  summary: string;
  outcome: 'success' | 'failure';
  error?: string | null;
  sourceAddress?: string | null;
  requestId?: string | null;
}

export interface AuditFilter {
  user?: string;
  action?: string;
  outcome?: 'success' | 'failure';
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface AuditLog {
  /** Never throws: a row the database refuses is kept in memory and written later. */
  record(entry: AuditRecord): void;
  /**
   * Runs `change` and writes the entry in one transaction: both commit or neither (the error of
   * either is thrown). For changes to the console's own data (accounts).
   */
  atomically<T>(entry: AuditRecord, change: () => T): T;
  list(filter: AuditFilter): { items: AuditEntry[]; total: number };
  /** Rows held in memory because the database refused them. */
  pending(): number;
  /** Writes what is held; what still cannot be written is dropped and counted. */
  close(): void;
}

type Values = [
  string,
  string | null,
  string | null,
  string,
  string | null,
  string,
  string,
  string,
  string | null,
  string | null,
  string | null,
];

/** The column values of a row, cleaned: only valid device IDs, no hidden characters in names. */
function valuesOf(e: AuditRecord, at: string): Values {
  return [
    at,
    cleanOptional(e.username, 100),
    e.role === 'admin' || e.role === 'tenant' ? e.role : null,
    cleanText(e.action, 100),
    cleanOptional(e.gatewayID, 64),
    JSON.stringify((e.deviceIDs ?? []).filter(isDeviceID).slice(0, 1000)),
    cleanText(e.summary, 1000),
    e.outcome === 'success' ? 'success' : 'failure',
    cleanOptional(e.error, 1000),
    cleanOptional(e.sourceAddress, 100),
    cleanOptional(e.requestId, 100),
  ];
}

export function createAuditLog(
  db: Db,
  options: { logger?: Logger; reporter?: StorageReporter; maxPending?: number } = {},
): AuditLog {
  const insert = db.prepare<Values>(
    `INSERT INTO audit_log (at, username, role, action, gateway_id, device_ids, summary, outcome, error, source_address, request_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const held = new WriteBehind<Values>({
    source: 'audit',
    flushIntervalMs: 0,
    maxBatch: 1,
    maxPending: options.maxPending ?? 10_000,
    ...(options.reporter ? { reporter: options.reporter } : {}),
    write: db.transaction((rows: Values[]) => {
      for (const row of rows) {
        try {
          insert.run(...row);
        } catch (error) {
          // Only "cannot write now" keeps the rows; a row SQLite rejects as such would block the
          // queue for ever, so it is logged (above) and left out.
          if (isStorageWriteError(error)) throw error;
          options.logger?.error('audit row rejected by the database', { error, row });
        }
      }
    }),
  });

  return {
    record(e) {
      const row = valuesOf(e, new Date().toISOString());
      if (held.pending === 0) {
        try {
          insert.run(...row);
          return;
        } catch (error) {
          if (!isStorageWriteError(error)) throw error;
        }
      }
      // The log line is a second copy in case the process ends before the disk has room.
      options.logger?.warn('audit row held in memory', { row });
      held.push(row);
    },
    atomically(e, change) {
      return db.transaction(() => {
        const result = change();
        insert.run(...valuesOf(e, new Date().toISOString()));
        return result;
      })();
    },
    list(f) {
      const where: string[] = [];
      const args: unknown[] = [];
      if (f.user) {
        where.push('username = ? COLLATE NOCASE');
        args.push(f.user);
      }
      if (f.action) {
        where.push('action = ?');
        args.push(f.action);
      }
      if (f.outcome) {
        where.push('outcome = ?');
        args.push(f.outcome);
      }
      // Normalised to ISO strings so lexical comparison on the stored ISO timestamps is correct.
      if (f.from) {
        where.push('at >= ?');
        args.push(new Date(f.from).toISOString());
      }
      if (f.to) {
        where.push('at <= ?');
        args.push(new Date(f.to).toISOString());
      }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = db
        .prepare(`SELECT COUNT(*) FROM audit_log ${clause}`)
        .pluck()
        .get(...args) as number;
      const rows = db
        .prepare<unknown[], AuditRow>(
          `SELECT * FROM audit_log ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`,
        )
        .all(...args, f.pageSize, (f.page - 1) * f.pageSize);
      return { total, items: rows.map(toAuditEntry) };
    },
    pending: () => held.pending,
    close() {
      held.close();
    },
  };
}

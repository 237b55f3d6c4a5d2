// Append-only audit log of every mutating action and sign-in attempt.
import type { AuditEntry } from '@cmc/api';
import type { Db } from '../db/database.ts';

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
  record(entry: AuditRecord): void;
  list(filter: AuditFilter): { items: AuditEntry[]; total: number };
}

interface Row {
  id: number;
  at: string;
  username: string | null;
  role: 'admin' | 'tenant' | null;
  action: string;
  gateway_id: string | null;
  device_ids: string;
  summary: string;
  outcome: 'success' | 'failure';
  error: string | null;
  source_address: string | null;
  request_id: string | null;
}

export function createAuditLog(db: Db): AuditLog {
  const insert = db.prepare(
    `INSERT INTO audit_log (at, username, role, action, gateway_id, device_ids, summary, outcome, error, source_address, request_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return {
    record(e) {
      insert.run(
        new Date().toISOString(),
        e.username,
        e.role,
        e.action,
        e.gatewayID ?? null,
        JSON.stringify(e.deviceIDs ?? []),
        e.summary.slice(0, 1000),
        e.outcome,
        e.error ?? null,
        e.sourceAddress ?? null,
        e.requestId ?? null,
      );
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
        .prepare<unknown[], Row>(
          `SELECT * FROM audit_log ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`,
        )
        .all(...args, f.pageSize, (f.page - 1) * f.pageSize);
      return {
        total,
        items: rows.map((r) => ({
          id: r.id,
          at: r.at,
          username: r.username,
          role: r.role,
          action: r.action,
          gatewayID: r.gateway_id,
          deviceIDs: JSON.parse(r.device_ids) as number[],
          summary: r.summary,
          outcome: r.outcome,
          error: r.error,
          sourceAddress: r.source_address,
          requestId: r.request_id,
        })),
      };
    },
  };
}

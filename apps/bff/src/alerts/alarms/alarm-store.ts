// Alarms in SQLite: raised once per rule and subject while open (a partial unique index enforces
// it, so a restart or a second evaluator cannot raise one twice), acknowledged by a person, cleared
// when the condition ends; cleared alarms stay as history.
import type { Alarm, AlarmState, AlertConditionKind } from '@cmc/api';
import type { Db } from '../../db/database.ts';

export interface AlarmRow {
  id: number;
  rule_id: number;
  rule_name: string;
  kind: string;
  subject: string;
  device_id: number | null;
  gateway_id: string | null;
  message: string;
  raised_at: number;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  cleared_at: number | null;
  clear_reason: string | null;
}

export interface RaiseInput {
  ruleID: number;
  ruleName: string;
  kind: AlertConditionKind;
  subject: string;
  deviceID: number | null;
  gatewayID: string | null;
  message: string;
  at: number;
}

export interface AlarmFilter {
  state: 'open' | AlarmState | 'all';
  ruleID?: number | undefined;
  gatewayID?: string | undefined;
  deviceID?: number | undefined;
  /** Only alarms on these gateways (a tenant user's view). */
  gatewayIDs?: string[] | undefined;
  beforeID?: number | undefined;
  limit: number;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function toAlarm(row: AlarmRow): Alarm {
  return {
    id: row.id,
    ruleID: row.rule_id,
    ruleName: row.rule_name,
    kind: row.kind as Alarm['kind'],
    state:
      row.cleared_at !== null
        ? 'cleared'
        : row.acknowledged_at !== null
          ? 'acknowledged'
          : 'active',
    deviceID: row.device_id,
    gatewayID: row.gateway_id,
    message: row.message,
    raisedAt: new Date(row.raised_at).toISOString(),
    acknowledgedAt: iso(row.acknowledged_at),
    acknowledgedBy: row.acknowledged_by,
    clearedAt: iso(row.cleared_at),
    clearReason: row.clear_reason,
  };
}

export interface AlarmStore {
  /** The new alarm, or undefined when one is already open for this rule and subject. */
  raise(input: RaiseInput): Alarm | undefined;
  /** undefined: no such alarm; the alarm as it is when already acknowledged or cleared. */
  acknowledge(id: number, by: string, at: number): { alarm: Alarm; changed: boolean } | undefined;
  /** undefined when it was not open. */
  clear(id: number, reason: string, at: number): Alarm | undefined;
  open(): AlarmRow[];
  get(id: number): Alarm | undefined;
  list(filter: AlarmFilter): { alarms: Alarm[]; nextCursor: number | null };
  summary(gatewayIDs?: string[]): { active: number; acknowledged: number };
}

export function createAlarmStore(db: Db): AlarmStore {
  const byID = db.prepare<[number], AlarmRow>('SELECT * FROM alarms WHERE id = ?');
  const insert = db.prepare(
    `INSERT OR IGNORE INTO alarms (rule_id, rule_name, kind, subject, device_id, gateway_id, message, raised_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const get = (id: number): Alarm | undefined => {
    const row = byID.get(id);
    return row ? toAlarm(row) : undefined;
  };

  function where(filter: Omit<AlarmFilter, 'limit' | 'beforeID'>): {
    sql: string;
    args: unknown[];
  } {
    const parts: string[] = [];
    const args: unknown[] = [];
    if (filter.state === 'open') parts.push('cleared_at IS NULL');
    else if (filter.state === 'active')
      parts.push('cleared_at IS NULL AND acknowledged_at IS NULL');
    else if (filter.state === 'acknowledged')
      parts.push('cleared_at IS NULL AND acknowledged_at IS NOT NULL');
    else if (filter.state === 'cleared') parts.push('cleared_at IS NOT NULL');
    if (filter.ruleID !== undefined) {
      parts.push('rule_id = ?');
      args.push(filter.ruleID);
    }
    if (filter.gatewayID !== undefined) {
      parts.push('gateway_id = ?');
      args.push(filter.gatewayID);
    }
    if (filter.deviceID !== undefined) {
      parts.push('device_id = ?');
      args.push(filter.deviceID);
    }
    if (filter.gatewayIDs !== undefined) {
      // json_each keeps one statement for any number of gateways.
      parts.push('gateway_id IN (SELECT value FROM json_each(?))');
      args.push(JSON.stringify(filter.gatewayIDs));
    }
    return { sql: parts.length ? parts.join(' AND ') : '1', args };
  }

  return {
    raise(input) {
      const result = insert.run(
        input.ruleID,
        input.ruleName,
        input.kind,
        input.subject,
        input.deviceID,
        input.gatewayID,
        input.message,
        input.at,
      );
      return result.changes === 0 ? undefined : get(Number(result.lastInsertRowid));
    },
    acknowledge(id, by, at) {
      const changed =
        db
          .prepare(
            `UPDATE alarms SET acknowledged_at = ?, acknowledged_by = ?
             WHERE id = ? AND acknowledged_at IS NULL AND cleared_at IS NULL`,
          )
          .run(at, by, id).changes > 0;
      const alarm = get(id);
      return alarm ? { alarm, changed } : undefined;
    },
    clear(id, reason, at) {
      const changed =
        db
          .prepare(
            'UPDATE alarms SET cleared_at = ?, clear_reason = ? WHERE id = ? AND cleared_at IS NULL',
          )
          .run(at, reason, id).changes > 0;
      return changed ? get(id) : undefined;
    },
    open: () => db.prepare<[], AlarmRow>('SELECT * FROM alarms WHERE cleared_at IS NULL').all(),
    get,
    list(filter) {
      const w = where(filter);
      const args = [...w.args];
      let sql = `SELECT * FROM alarms WHERE ${w.sql}`;
      if (filter.beforeID !== undefined) {
        sql += ' AND id < ?';
        args.push(filter.beforeID);
      }
      sql += ' ORDER BY id DESC LIMIT ?';
      args.push(filter.limit + 1);
      const rows = db.prepare<unknown[], AlarmRow>(sql).all(...args);
      const more = rows.length > filter.limit;
      const page = rows.slice(0, filter.limit);
      return {
        alarms: page.map(toAlarm),
        nextCursor: more ? (page[page.length - 1]?.id ?? null) : null,
      };
    },
    summary(gatewayIDs) {
      const w = where({ state: 'open', gatewayIDs });
      const row = db
        .prepare<unknown[], { active: number | null; acknowledged: number | null }>(
          `SELECT SUM(acknowledged_at IS NULL) AS active, SUM(acknowledged_at IS NOT NULL) AS acknowledged
           FROM alarms WHERE ${w.sql}`,
        )
        .get(...w.args);
      return { active: row?.active ?? 0, acknowledged: row?.acknowledged ?? 0 };
    },
  };
}

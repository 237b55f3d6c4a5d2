// Webhook deliveries in SQLite: one row per (alarm event, webhook), with its body (so a retry sends
// the same bytes and signature) and the outcome of its attempts.
import type { Delivery } from '@cmc/api';
import type { Db } from '../../db/database.ts';

export interface DeliveryRow {
  id: number;
  alarm_id: number | null;
  webhook_id: number;
  webhook_name: string;
  url: string;
  event: Delivery['event'];
  body: string;
  state: Delivery['state'];
  attempts: number;
  next_attempt_at: number | null;
  last_status: number | null;
  last_error: string | null;
  created_at: number;
  delivered_at: number | null;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export const toDelivery = (row: DeliveryRow): Delivery => ({
  id: row.id,
  alarmID: row.alarm_id,
  webhookID: row.webhook_id,
  webhookName: row.webhook_name,
  url: row.url,
  event: row.event,
  state: row.state,
  attempts: row.attempts,
  lastStatus: row.last_status,
  lastError: row.last_error,
  nextAttemptAt: iso(row.next_attempt_at),
  createdAt: new Date(row.created_at).toISOString(),
  deliveredAt: iso(row.delivered_at),
});

export interface NewDelivery {
  alarmID: number | null;
  webhookID: number;
  webhookName: string;
  url: string;
  event: Delivery['event'];
  /** Builds the body once the delivery ID is known (the body names it). */
  body: (deliveryID: number) => string;
  at: number;
  /** null: not for the retry worker (a test is sent by its request, once). */
  nextAttemptAt: number | null;
}

export interface DeliveryStore {
  add(input: NewDelivery): DeliveryRow;
  due(now: number, limit: number): DeliveryRow[];
  get(id: number): DeliveryRow | undefined;
  /** One attempt's outcome: delivered, retry at `nextAttemptAt`, or failed for good (null). */
  attempted(
    id: number,
    outcome: { ok: boolean; status: number | null; error: string | null; at: number },
    nextAttemptAt: number | null,
  ): DeliveryRow;
  ofAlarm(alarmID: number): DeliveryRow[];
}

export function createDeliveryStore(db: Db): DeliveryStore {
  const one = db.prepare<[number], DeliveryRow>('SELECT * FROM alarm_deliveries WHERE id = ?');
  // Polled twice a second by the notifier: prepared once, not per poll.
  const due = db.prepare<[number, number], DeliveryRow>(
    `SELECT * FROM alarm_deliveries WHERE state = 'pending' AND next_attempt_at <= ?
     ORDER BY next_attempt_at, id LIMIT ?`,
  );
  return {
    add(input) {
      return db.transaction(() => {
        const result = db
          .prepare(
            `INSERT INTO alarm_deliveries (alarm_id, webhook_id, webhook_name, url, event, body, state, next_attempt_at, created_at)
             VALUES (?, ?, ?, ?, ?, '', 'pending', ?, ?)`,
          )
          .run(
            input.alarmID,
            input.webhookID,
            input.webhookName,
            input.url,
            input.event,
            input.nextAttemptAt,
            input.at,
          );
        const id = Number(result.lastInsertRowid);
        db.prepare('UPDATE alarm_deliveries SET body = ? WHERE id = ?').run(input.body(id), id);
        return one.get(id)!;
      })();
    },
    due: (now, limit) => due.all(now, limit),
    get: (id) => one.get(id),
    attempted(id, outcome, nextAttemptAt) {
      const state = outcome.ok ? 'delivered' : nextAttemptAt === null ? 'failed' : 'pending';
      db.prepare(
        `UPDATE alarm_deliveries SET state = ?, attempts = attempts + 1, next_attempt_at = ?,
           last_status = ?, last_error = ?, delivered_at = ? WHERE id = ?`,
      ).run(
        state,
        outcome.ok ? null : nextAttemptAt,
        outcome.status,
        outcome.error,
        outcome.ok ? outcome.at : null,
        id,
      );
      return one.get(id)!;
    },
    ofAlarm: (alarmID) =>
      db
        .prepare<[number], DeliveryRow>(
          'SELECT * FROM alarm_deliveries WHERE alarm_id = ? ORDER BY id DESC LIMIT 200',
        )
        .all(alarmID),
  };
}

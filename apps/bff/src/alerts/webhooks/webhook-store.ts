// Webhooks in SQLite. The secret is read only by the delivery worker; lists carry a hint.
import type { Webhook } from '@cmc/api';
import type { Db } from '../../db/database.ts';
import { newWebhookSecret, secretHint } from './sign.ts';

interface WebhookRow {
  id: number;
  name: string;
  url: string;
  secret: string;
  created_at: string;
  created_by: string;
}

export interface WebhookTarget {
  id: number;
  name: string;
  url: string;
  secret: string;
}

const toWebhook = (row: WebhookRow): Webhook => ({
  id: row.id,
  name: row.name,
  url: row.url,
  secretHint: secretHint(row.secret),
  createdAt: row.created_at,
  createdBy: row.created_by,
});

export interface WebhookStore {
  list(): Webhook[];
  create(input: { name: string; url: string }, by: string): { webhook: Webhook; secret: string };
  remove(id: number): boolean;
  target(id: number): WebhookTarget | undefined;
  /** The webhooks a rule notifies. */
  targetsOfRule(ruleID: number): WebhookTarget[];
}

export function createWebhookStore(db: Db): WebhookStore {
  const one = db.prepare<[number], WebhookRow>('SELECT * FROM alert_webhooks WHERE id = ?');
  return {
    list: () =>
      db.prepare<[], WebhookRow>('SELECT * FROM alert_webhooks ORDER BY id').all().map(toWebhook),
    create(input, by) {
      const secret = newWebhookSecret();
      const result = db
        .prepare(
          'INSERT INTO alert_webhooks (name, url, secret, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
        )
        .run(input.name, input.url, secret, new Date().toISOString(), by);
      return { webhook: toWebhook(one.get(Number(result.lastInsertRowid))!), secret };
    },
    remove: (id) => db.prepare('DELETE FROM alert_webhooks WHERE id = ?').run(id).changes > 0,
    target(id) {
      const row = one.get(id);
      return row ? { id: row.id, name: row.name, url: row.url, secret: row.secret } : undefined;
    },
    targetsOfRule: (ruleID) =>
      db
        .prepare<[number], WebhookTarget>(
          `SELECT w.id, w.name, w.url, w.secret FROM alert_webhooks w
           JOIN alert_rule_webhooks r ON r.webhook_id = w.id WHERE r.rule_id = ? ORDER BY w.id`,
        )
        .all(ruleID),
  };
}

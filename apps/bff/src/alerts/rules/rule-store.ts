// Alert rules in SQLite. Inputs arrive validated by @cmc/api's alertRuleInput; what is read back is
// parsed again, so a hand-edited row fails loudly instead of evaluating nonsense.
import {
  alertCondition,
  alertScope,
  type AlertCondition,
  type AlertRule,
  type AlertScope,
} from '@cmc/api';
import type { Db } from '../../db/database.ts';

export interface RuleInput {
  name: string;
  enabled: boolean;
  condition: AlertCondition;
  scope: AlertScope;
  webhookIDs: number[];
}

interface RuleRow {
  id: number;
  name: string;
  enabled: number;
  condition: string;
  scope: string;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface RuleStore {
  list(): AlertRule[];
  get(id: number): AlertRule | undefined;
  create(input: RuleInput, by: string): AlertRule;
  update(id: number, input: RuleInput): AlertRule | undefined;
  remove(id: number): boolean;
  /** Webhook IDs that do not exist (to refuse a rule naming them). */
  unknownWebhooks(ids: number[]): number[];
}

export function createRuleStore(db: Db): RuleStore {
  const webhooksOf = db.prepare<[number], number>(
    'SELECT webhook_id FROM alert_rule_webhooks WHERE rule_id = ? ORDER BY webhook_id',
  );
  const toRule = (row: RuleRow): AlertRule => ({
    id: row.id,
    name: row.name,
    enabled: row.enabled === 1,
    condition: alertCondition.parse(JSON.parse(row.condition)),
    scope: alertScope.parse(JSON.parse(row.scope)),
    webhookIDs: webhooksOf.pluck().all(row.id),
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  });
  const one = db.prepare<[number], RuleRow>('SELECT * FROM alert_rules WHERE id = ?');
  const setWebhooks = (ruleID: number, ids: number[]): void => {
    db.prepare('DELETE FROM alert_rule_webhooks WHERE rule_id = ?').run(ruleID);
    const insert = db.prepare(
      'INSERT INTO alert_rule_webhooks (rule_id, webhook_id) VALUES (?, ?)',
    );
    for (const id of ids) insert.run(ruleID, id);
  };

  return {
    list: () => db.prepare<[], RuleRow>('SELECT * FROM alert_rules ORDER BY id').all().map(toRule),
    get(id) {
      const row = one.get(id);
      return row ? toRule(row) : undefined;
    },
    create(input, by) {
      const now = new Date().toISOString();
      const id = db.transaction(() => {
        const result = db
          .prepare(
            `INSERT INTO alert_rules (name, enabled, condition, scope, created_at, created_by, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            input.name,
            input.enabled ? 1 : 0,
            JSON.stringify(input.condition),
            JSON.stringify(input.scope),
            now,
            by,
            now,
          );
        const ruleID = Number(result.lastInsertRowid);
        setWebhooks(ruleID, input.webhookIDs);
        return ruleID;
      })();
      return toRule(one.get(id)!);
    },
    update(id, input) {
      const changed = db.transaction(() => {
        const result = db
          .prepare(
            `UPDATE alert_rules SET name = ?, enabled = ?, condition = ?, scope = ?, updated_at = ?
             WHERE id = ?`,
          )
          .run(
            input.name,
            input.enabled ? 1 : 0,
            JSON.stringify(input.condition),
            JSON.stringify(input.scope),
            new Date().toISOString(),
            id,
          );
        if (result.changes === 0) return false;
        setWebhooks(id, input.webhookIDs);
        return true;
      })();
      if (!changed) return undefined;
      return toRule(one.get(id)!);
    },
    remove(id) {
      return db.prepare('DELETE FROM alert_rules WHERE id = ?').run(id).changes > 0;
    },
    unknownWebhooks(ids) {
      const has = db.prepare<[number], number>('SELECT 1 FROM alert_webhooks WHERE id = ?').pluck();
      return ids.filter((id) => has.get(id) === undefined);
    },
  };
}

// Turns rules + watch state into alarms, once a tick. The open alarms are read from SQLite every
// tick rather than kept in memory, so a restart, or a lease moving to another instance, continues
// from exactly what is stored: a condition still true finds its alarm open (no second raise), a
// condition that ended clears it. An alarm whose subject the state does not know yet (the lists
// are still loading after a start) is left alone, never cleared on missing data.
import type { Alarm, AlertRule } from '@cmc/api';
import type { Logger } from '../../logger.ts';
import type { AlarmStore } from '../alarms/alarm-store.ts';
import type { RuleStore } from '../rules/rule-store.ts';
import { evaluateRule, knows, type TenantOf } from './conditions.ts';
import type { WatchState } from './watch-state.ts';

export type AlarmEventKind = 'raised' | 'acknowledged' | 'cleared';

export interface EvaluatorDeps {
  rules: RuleStore;
  alarms: AlarmStore;
  state: WatchState;
  tenantOf: TenantOf;
  /** Only the instance holding the alert lease evaluates (always true in one process). */
  isEvaluator(): boolean;
  onAlarm(event: AlarmEventKind, alarm: Alarm): void;
  logger: Logger;
  now?: () => number;
}

export interface Evaluator {
  tick(): void;
  start(intervalMs: number): void;
  stop(): void;
}

export function createEvaluator(deps: EvaluatorDeps): Evaluator {
  const now = deps.now ?? Date.now;
  let timer: NodeJS.Timeout | undefined;

  function clear(id: number, reason: string, at: number): void {
    const alarm = deps.alarms.clear(id, reason, at);
    if (alarm) deps.onAlarm('cleared', alarm);
  }

  function tick(): void {
    if (!deps.isEvaluator()) return;
    const at = now();
    // Re-read every tick: another instance may have changed a rule in the shared database.
    const all: AlertRule[] = deps.rules.list();
    const enabled = new Map(all.filter((r) => r.enabled).map((r) => [r.id, r]));
    const open = deps.alarms.open();
    const openKeys = new Set(open.map((row) => `${row.rule_id}|${row.subject}`));
    for (const row of open) {
      if (enabled.has(row.rule_id)) continue;
      const exists = all.some((r) => r.id === row.rule_id);
      clear(row.id, exists ? 'rule disabled' : 'rule removed', at);
    }
    for (const rule of enabled.values()) {
      const openOfRule = new Set(open.filter((r) => r.rule_id === rule.id).map((r) => r.subject));
      const hits = evaluateRule(rule, deps.state, deps.tenantOf, at, openOfRule);
      for (const hit of hits.values()) {
        if (openKeys.has(`${rule.id}|${hit.subject}`)) continue;
        const alarm = deps.alarms.raise({
          ruleID: rule.id,
          ruleName: rule.name,
          kind: rule.condition.kind,
          subject: hit.subject,
          deviceID: hit.deviceID,
          gatewayID: hit.gatewayID,
          message: hit.message,
          at,
        });
        if (alarm) deps.onAlarm('raised', alarm);
      }
      for (const row of open) {
        if (row.rule_id !== rule.id || hits.has(row.subject)) continue;
        if (!knows(deps.state, row.subject)) continue;
        clear(row.id, 'condition ended', at);
      }
    }
  }

  function safeTick(): void {
    try {
      tick();
    } catch (error) {
      deps.logger.error('alerts: evaluation failed', { error });
    }
  }

  return {
    tick,
    start(intervalMs) {
      timer ??= setInterval(safeTick, intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}

// Sends alarm events to the webhooks of their rule: a signed JSON POST per webhook, retried with
// exponential backoff (base, 2×base, 4×base, … up to maxAttempts attempts), every attempt recorded.
// Pending deliveries live in SQLite, so a restart resumes them; only the evaluating instance sends.
import type { Alarm } from '@cmc/api';
import type { Logger } from '../../logger.ts';
import type { AlarmEventKind } from '../evaluator/evaluator.ts';
import type { DeliveryRow, DeliveryStore } from './delivery-store.ts';
import { signBody, SIGNATURE_HEADER } from './sign.ts';
import type { WebhookStore, WebhookTarget } from './webhook-store.ts';

export interface NotifierOptions {
  /** First retry after this long; each further one waits twice as long. Default 5,000 ms. */
  retryBaseMs?: number;
  /** Attempts in all, the first included. Default 6 (retries after 5, 10, 20, 40, 80 s). */
  maxAttempts?: number;
  /** Per attempt. Default 5,000 ms. */
  timeoutMs?: number;
  /** How often due retries are looked for. Default 500 ms. */
  pollMs?: number;
}

export interface Notifier {
  notify(event: AlarmEventKind, alarm: Alarm): void;
  /** One signed test POST now, no retries; resolves with its recorded outcome. */
  test(target: WebhookTarget, by: string): Promise<DeliveryRow>;
  start(): void;
  stop(): Promise<void>;
}

interface Outcome {
  ok: boolean;
  status: number | null;
  error: string | null;
  at: number;
}

export function createNotifier(deps: {
  webhooks: WebhookStore;
  deliveries: DeliveryStore;
  isSender(): boolean;
  logger: Logger;
  options?: NotifierOptions;
  /** Told each attempt's outcome (metrics). */
  onOutcome?: (outcome: 'delivered' | 'retried' | 'failed') => void;
}): Notifier {
  const base = deps.options?.retryBaseMs ?? 5000;
  const maxAttempts = deps.options?.maxAttempts ?? 6;
  const timeoutMs = deps.options?.timeoutMs ?? 5000;
  const pollMs = deps.options?.pollMs ?? 500;
  const inFlight = new Set<number>();
  const running = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function post(target: WebhookTarget, row: DeliveryRow): Promise<Outcome> {
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'connect-master-console-alerts/1',
          [SIGNATURE_HEADER]: signBody(target.secret, row.body),
          'x-cmc-delivery': String(row.id),
          'x-cmc-event': row.event,
        },
        body: row.body,
        // A redirect could lead anywhere (another host, an internal address): it counts as a failure.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel();
      const ok = response.status >= 200 && response.status < 300;
      return {
        ok,
        status: response.status,
        error: ok ? null : `HTTP ${response.status}`,
        at: Date.now(),
      };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const text =
        error instanceof Error
          ? error.name === 'TimeoutError'
            ? `no answer within ${timeoutMs} ms`
            : error.message
          : String(error);
      return {
        ok: false,
        status: null,
        error: cause ? `${text} (${cause})` : text,
        at: Date.now(),
      };
    }
  }

  async function attempt(row: DeliveryRow): Promise<void> {
    const target = deps.webhooks.target(row.webhook_id);
    const outcome: Outcome = target
      ? await post(target, row)
      : { ok: false, status: null, error: 'the webhook was removed', at: Date.now() };
    const next =
      outcome.ok || !target || row.attempts + 1 >= maxAttempts
        ? null
        : outcome.at + base * 2 ** row.attempts;
    const after = deps.deliveries.attempted(row.id, outcome, next);
    deps.onOutcome?.(after.state === 'pending' ? 'retried' : after.state);
    if (after.state === 'failed')
      deps.logger.warn('alerts: webhook delivery failed for good', {
        deliveryID: row.id,
        webhookID: row.webhook_id,
        attempts: after.attempts,
        error: outcome.error,
      });
  }

  function sendDue(): void {
    if (stopped || !deps.isSender()) return;
    for (const row of deps.deliveries.due(Date.now(), 20)) {
      if (inFlight.has(row.id) || inFlight.size >= 8) continue;
      inFlight.add(row.id);
      const job = attempt(row)
        .catch((error: unknown) => deps.logger.error('alerts: delivery attempt failed', { error }))
        .finally(() => {
          inFlight.delete(row.id);
          running.delete(job);
        });
      running.add(job);
    }
  }

  return {
    notify(event, alarm) {
      const at = Date.now();
      for (const target of deps.webhooks.targetsOfRule(alarm.ruleID)) {
        deps.deliveries.add({
          alarmID: alarm.id,
          webhookID: target.id,
          webhookName: target.name,
          url: target.url,
          event,
          at,
          nextAttemptAt: at,
          body: (deliveryID) =>
            JSON.stringify({
              deliveryID,
              event: `alarm.${event}`,
              createdAt: new Date(at).toISOString(),
              alarm,
            }),
        });
      }
      sendDue();
    },
    async test(target, by) {
      const at = Date.now();
      const row = deps.deliveries.add({
        alarmID: null,
        webhookID: target.id,
        webhookName: target.name,
        url: target.url,
        event: 'test',
        at,
        nextAttemptAt: null,
        body: (deliveryID) =>
          JSON.stringify({
            deliveryID,
            event: 'test',
            createdAt: new Date(at).toISOString(),
            message: `Test notification from Connect Master Console, sent by ${by}`,
          }),
      });
      inFlight.add(row.id);
      try {
        const outcome = await post(target, row);
        return deps.deliveries.attempted(row.id, outcome, null);
      } finally {
        inFlight.delete(row.id);
      }
    },
    start() {
      timer ??= setInterval(sendDue, pollMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await Promise.allSettled([...running]);
    },
  };
}

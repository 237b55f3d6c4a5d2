// /alert-webhooks (admins): list (secrets masked), create (the secret answered once), delete,
// send a test; and GET /alarms/:alarmID/deliveries.
import { Router } from 'express';
import { route } from '@cmc/api';
import { defineRoute, type RouteDeps } from '../../http/define-route.ts';
import { problem } from '../../http/problem.ts';
import type { AlarmStore } from '../alarms/alarm-store.ts';
import { toDelivery, type DeliveryStore } from './delivery-store.ts';
import type { Notifier } from './notifier.ts';
import type { WebhookStore } from './webhook-store.ts';

export interface WebhooksRouterDeps extends RouteDeps {
  webhooks: WebhookStore;
  deliveries: DeliveryStore;
  alarms: AlarmStore;
  notifier: Notifier;
}

export function webhooksRouter(deps: WebhooksRouterDeps): Router {
  const router = Router();

  defineRoute(router, route('alert-webhooks.list'), deps, async () => ({
    webhooks: deps.webhooks.list(),
  }));

  defineRoute(
    router,
    route('alert-webhooks.create'),
    deps,
    async ({ user, body, atomic, audit }) => {
      // The audit entry names the webhook, never its secret (the body holds none: it is generated).
      audit.summary = `Add webhook "${body.name}" ${body.url}`;
      return atomic(() => deps.webhooks.create(body, user.username));
    },
  );

  defineRoute(router, route('alert-webhooks.delete'), deps, async ({ params, atomic }) => {
    if (!atomic(() => deps.webhooks.remove(params.webhookID)))
      throw problem(404, `no webhook ${params.webhookID}`);
    return { ok: true as const };
  });

  defineRoute(router, route('alert-webhooks.test'), deps, async ({ params, user }) => {
    const target = deps.webhooks.target(params.webhookID);
    if (!target) throw problem(404, `no webhook ${params.webhookID}`);
    return toDelivery(await deps.notifier.test(target, user.username));
  });

  defineRoute(router, route('alarms.deliveries'), deps, async ({ params }) => {
    if (!deps.alarms.get(params.alarmID)) throw problem(404, `no alarm ${params.alarmID}`);
    return { deliveries: deps.deliveries.ofAlarm(params.alarmID).map(toDelivery) };
  });

  return router;
}

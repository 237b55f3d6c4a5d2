// /alert-rules CRUD (admins; mounted under /api/v1). A rule naming a webhook that does not exist is
// refused with the field at fault.
import { Router } from 'express';
import { route } from '@cmc/api';
import { defineRoute, type RouteDeps } from '../../http/define-route.ts';
import { problem } from '../../http/problem.ts';
import type { RuleInput, RuleStore } from './rule-store.ts';

export interface RulesRouterDeps extends RouteDeps {
  rules: RuleStore;
}

export function rulesRouter(deps: RulesRouterDeps): Router {
  const router = Router();
  const checkWebhooks = (input: RuleInput): void => {
    const unknown = deps.rules.unknownWebhooks(input.webhookIDs);
    if (unknown.length > 0)
      throw problem(400, `no webhook ${unknown.join(', ')}`, [
        { path: 'webhookIDs', message: `no webhook with ID ${unknown.join(', ')}` },
      ]);
  };

  defineRoute(router, route('alert-rules.list'), deps, async () => ({ rules: deps.rules.list() }));

  defineRoute(router, route('alert-rules.create'), deps, async ({ user, body, atomic }) => {
    checkWebhooks(body);
    return atomic(() => deps.rules.create(body, user.username));
  });

  defineRoute(router, route('alert-rules.update'), deps, async ({ params, body, atomic }) => {
    checkWebhooks(body);
    const rule = atomic(() => deps.rules.update(params.ruleID, body));
    if (!rule) throw problem(404, `no alert rule ${params.ruleID}`);
    return rule;
  });

  defineRoute(router, route('alert-rules.delete'), deps, async ({ params, atomic }) => {
    if (!atomic(() => deps.rules.remove(params.ruleID)))
      throw problem(404, `no alert rule ${params.ruleID}`);
    return { ok: true as const };
  });

  return router;
}

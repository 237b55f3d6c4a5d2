import { Router } from 'express';
import { route } from '@cmc/api';
import { defineRoute } from '../http/define-route.ts';
import type { RouterDeps } from '../http/route-deps.ts';

export function auditRouter(deps: RouterDeps): Router {
  const router = Router();
  defineRoute(router, route('audit.list'), deps, async ({ query }) => {
    const { items, total } = deps.audit.list(query);
    return { items, total, page: query.page, pageSize: query.pageSize };
  });
  return router;
}

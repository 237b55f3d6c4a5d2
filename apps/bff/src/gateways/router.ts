import { Router } from 'express';
import { route } from '@cmc/api';
import { defineRoute } from '../http/define-route.ts';
import type { RouterDeps } from '../http/route-deps.ts';
import { accessGateway } from '../master/gateway-access.ts';
import { gatewaySummaries } from './gateway-service.ts';

export function gatewaysRouter(deps: RouterDeps): Router {
  const router = Router();
  defineRoute(router, route('gateways.list'), deps, async ({ user }) => ({
    gateways: await gatewaySummaries(
      deps.pool,
      user,
      await deps.pool.gatewaysFor(user),
      deps.gatewayMemory,
      deps.deviceIndex,
    ),
  }));
  defineRoute(router, route('gateways.get'), deps, async ({ user, params }) => {
    await accessGateway(deps.pool, user, params.gatewayID);
    const [summary] = await gatewaySummaries(
      deps.pool,
      user,
      [params.gatewayID],
      deps.gatewayMemory,
      deps.deviceIndex,
    );
    return summary!;
  });
  return router;
}

// Tenant API (admin): tenants and the gateways they own. Changes drop the pool's tenant map cache.
import { Router } from 'express';
import { route, type TenantInfo } from '@cmc/api';
import { defineRoute } from '../http/define-route.ts';
import { problem } from '../http/problem.ts';
import type { RouterDeps } from '../http/route-deps.ts';

export function tenantsRouter(deps: RouterDeps): Router {
  const router = Router();
  const read = async (tenantID: string): Promise<TenantInfo> => {
    const { tenantInfos } = await deps.pool.admin().tenant.get({ tenantIDs: [tenantID] });
    const t = tenantInfos.find((x) => x.tenantID === tenantID);
    if (!t) throw problem(404, `tenant ${tenantID} does not exist`);
    return { tenantID: t.tenantID, gatewayIDs: [...t.gatewayIDs] };
  };

  defineRoute(router, route('tenants.list'), deps, async () => {
    deps.pool.invalidate();
    return { tenants: await deps.pool.tenants() };
  });
  defineRoute(router, route('tenants.create'), deps, async ({ body }) => {
    await deps.pool
      .admin()
      .tenant.add({ tenantInfos: [{ tenantID: body.tenantID, gatewayIDs: body.gatewayIDs }] });
    deps.pool.invalidate();
    return read(body.tenantID);
  });
  defineRoute(router, route('tenants.delete'), deps, async ({ params }) => {
    if (params.tenantID === 'administrator')
      throw problem(400, 'the administrator tenant cannot be deleted', [
        { path: 'params.tenantID', message: 'administrator always exists' },
      ]);
    await deps.pool.admin().tenant.delete({ tenantIDs: [params.tenantID] });
    deps.pool.invalidate();
  });
  defineRoute(router, route('tenants.add-gateways'), deps, async ({ params, body }) => {
    await deps.pool
      .admin()
      .tenant.addGateway({ tenantID: params.tenantID, gatewayIDs: body.gatewayIDs });
    deps.pool.invalidate();
    return read(params.tenantID);
  });
  defineRoute(router, route('tenants.delete-gateways'), deps, async ({ params, body }) => {
    await deps.pool
      .admin()
      .tenant.deleteGateway({ tenantID: params.tenantID, gatewayIDs: body.gatewayIDs });
    deps.pool.invalidate();
    return read(params.tenantID);
  });
  return router;
}

// GET /api/v1/storage (admins): whether the console's database takes writes; the web shows a banner
// while it does not.
import { Router } from 'express';
import { route } from '@cmc/api';
import type { StorageHealth } from '../db/storage-health.ts';
import { defineRoute, type RouteDeps } from '../http/define-route.ts';

export function storageRouter(deps: RouteDeps & { health: StorageHealth }): Router {
  const router = Router();
  defineRoute(router, route('storage.status'), deps, async () => deps.health.status());
  return router;
}

// GET /device-labels, PUT /devices/:deviceID/label, POST /devices/:deviceID/label/delete.
// Writes are admin-only and audited with the old and the new values, in one transaction with the
// change; tenant users read only the names of devices on their own gateways.
import { Router } from 'express';
import { route, type DeviceLabel } from '@cmc/api';
import { defineRoute } from '../http/define-route.ts';
import { problem } from '../http/problem.ts';
import type { RouterDeps } from '../http/route-deps.ts';
import type { LabelStore } from './label-store.ts';
import { devicesOnVisibleGateways } from './visible-devices.ts';

export interface DeviceLabelsRouterDeps extends Pick<RouterDeps, 'audit' | 'pool' | 'deviceIndex'> {
  labels: LabelStore;
}

/** `"name" (notes: "…")` or `none`, for the audit summary. */
function describe(label: Pick<DeviceLabel, 'name' | 'notes'> | undefined): string {
  if (!label) return 'none';
  const notes = label.notes.length > 200 ? `${label.notes.slice(0, 200)}…` : label.notes;
  return `${JSON.stringify(label.name)} (notes: ${JSON.stringify(notes)})`;
}

export function deviceLabelsRouter(deps: DeviceLabelsRouterDeps): Router {
  const router = Router();

  defineRoute(router, route('device-labels.list'), deps, async ({ user, query }) => {
    const labels = deps.labels.list(query.deviceIDs);
    if (user.role === 'admin' || labels.length === 0) return { labels };
    const visible = await devicesOnVisibleGateways(deps.pool, user, deps.deviceIndex);
    return { labels: labels.filter((l) => visible.has(l.deviceID)) };
  });

  defineRoute(
    router,
    route('device-labels.set'),
    deps,
    async ({ user, params, body, audit, atomic }) => {
      const { deviceID } = params;
      audit.deviceIDs = [deviceID];
      const before = deps.labels.get(deviceID);
      audit.summary = `device ${deviceID} label ${describe(before)} → ${describe(body)}`;
      const { label } = atomic(() => deps.labels.set(deviceID, body, user.username));
      return label;
    },
  );

  defineRoute(router, route('device-labels.delete'), deps, async ({ params, audit, atomic }) => {
    const { deviceID } = params;
    audit.deviceIDs = [deviceID];
    const before = deps.labels.get(deviceID);
    if (!before) throw problem(404, `device ${deviceID} has no name or notes to remove`);
    audit.summary = `device ${deviceID} label ${describe(before)} → none`;
    atomic(() => deps.labels.remove(deviceID));
    return { ok: true as const };
  });

  return router;
}

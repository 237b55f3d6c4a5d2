// GET /alarms, GET /alarms/summary, POST /alarms/:alarmID/acknowledge (mounted under /api/v1).
// Tenant users see only alarms of their tenant's gateways, and may not acknowledge.
import { Router } from 'express';
import { route, type AlarmList } from '@cmc/api';
import { defineRoute, type RouteDeps } from '../../http/define-route.ts';
import { problem } from '../../http/problem.ts';
import type { LivePool } from '../../live/types.ts';
import type { AlarmEventKind } from '../evaluator/evaluator.ts';
import type { AlarmStore } from './alarm-store.ts';
import type { Alarm } from '@cmc/api';

export interface AlarmsRouterDeps extends RouteDeps {
  alarms: AlarmStore;
  pool: Pick<LivePool, 'gatewaysFor'>;
  onAlarm(event: AlarmEventKind, alarm: Alarm): void;
}

export function alarmsRouter(deps: AlarmsRouterDeps): Router {
  const router = Router();

  defineRoute(router, route('alarms.list'), deps, async ({ user, query }): Promise<AlarmList> => {
    const visible = user.role === 'admin' ? undefined : await deps.pool.gatewaysFor(user);
    const page = deps.alarms.list({
      state: query.state,
      ruleID: query.ruleID,
      gatewayID: query.gatewayID,
      deviceID: query.deviceID,
      gatewayIDs: visible,
      beforeID: query.cursor === undefined ? undefined : Number(query.cursor),
      limit: query.limit,
    });
    return {
      alarms: page.alarms,
      nextCursor: page.nextCursor === null ? null : String(page.nextCursor),
    };
  });

  defineRoute(router, route('alarms.summary'), deps, async ({ user }) => {
    const visible = user.role === 'admin' ? undefined : await deps.pool.gatewaysFor(user);
    return deps.alarms.summary(visible);
  });

  defineRoute(router, route('alarms.acknowledge'), deps, async ({ user, params, audit }) => {
    const result = deps.alarms.acknowledge(params.alarmID, user.username, Date.now());
    if (!result) throw problem(404, `no alarm ${params.alarmID}`);
    const { alarm, changed } = result;
    audit.gatewayID = alarm.gatewayID;
    audit.deviceIDs = alarm.deviceID === null ? [] : [alarm.deviceID];
    if (!changed) {
      if (alarm.state === 'cleared')
        throw problem(409, `alarm ${alarm.id} is already cleared; there is nothing to acknowledge`);
      return alarm; // acknowledged already: the same answer again (idempotent)
    }
    deps.onAlarm('acknowledged', alarm);
    return alarm;
  });

  return router;
}

// Webhooks alert rules notify, and their deliveries.
import {
  createWebhookRequest,
  createdWebhook,
  delivery,
  deliveryList,
  webhookList,
} from '../alert-webhooks.ts';
import type { RouteDef } from './route-def.ts';

import { ok } from '../common.ts';
import { alarmParams, webhookParams } from '../alerts.ts';
export const webhookRoutes = [
  {
    id: 'alert-webhooks.list',
    method: 'get',
    path: '/alert-webhooks',
    summary: 'Webhooks alert rules can notify (secrets masked)',
    access: 'admin',
    response: webhookList,
    tag: 'alerts',
  },
  {
    id: 'alert-webhooks.create',
    method: 'post',
    path: '/alert-webhooks',
    summary: 'Add a webhook; the answer carries its signing secret, shown this once',
    access: 'admin',
    body: createWebhookRequest,
    response: createdWebhook,
    status: 201,
    tag: 'alerts',
  },
  {
    id: 'alert-webhooks.delete',
    method: 'delete',
    path: '/alert-webhooks/{webhookID}',
    summary: 'Remove a webhook (rules stop notifying it)',
    access: 'admin',
    params: webhookParams,
    response: ok,
    tag: 'alerts',
  },
  {
    id: 'alert-webhooks.test',
    method: 'post',
    path: '/alert-webhooks/{webhookID}/test',
    summary: 'Send a signed test notification now (one attempt) and report the outcome',
    access: 'admin',
    params: webhookParams,
    response: delivery,
    tag: 'alerts',
  },
  {
    id: 'alarms.deliveries',
    method: 'get',
    path: '/alarms/{alarmID}/deliveries',
    summary: "An alarm's webhook deliveries, newest first",
    access: 'admin',
    params: alarmParams,
    response: deliveryList,
    tag: 'alerts',
  },
] as const satisfies readonly RouteDef[];

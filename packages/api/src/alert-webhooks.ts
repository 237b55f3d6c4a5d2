// Webhooks that alert rules notify, and the history of each delivery (docs/alerts.md).
import { z } from 'zod';
import { isoTime, ok } from './common.ts';
import { alarmParams, webhookParams } from './alerts.ts';
import type { RouteDef } from './routes.ts';

/** http(s) only, no credentials in the URL (they would show in lists and logs). */
export const webhookUrl = z
  .string({ message: 'must be text' })
  .trim()
  .max(2000, { message: 'must be at most 2000 characters' })
  .refine(
    (s) => {
      try {
        const u = new URL(s);
        return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
      } catch {
        return false;
      }
    },
    { message: 'must be an http:// or https:// URL' },
  )
  .refine(
    (s) => {
      try {
        const u = new URL(s);
        return u.username === '' && u.password === '';
      } catch {
        return true;
      }
    },
    { message: 'must not contain a user name or password' },
  );

export const createWebhookRequest = z.object({
  name: z
    .string({ message: 'must be text' })
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(80, { message: 'must be at most 80 characters' }),
  url: webhookUrl,
});
export type CreateWebhookRequest = z.input<typeof createWebhookRequest>;

export const webhook = z.object({
  id: z.number().int(),
  name: z.string(),
  url: z.string(),
  /** The secret is shown once, at creation; afterwards only its last four characters. */
  secretHint: z.string(),
  createdAt: isoTime,
  createdBy: z.string(),
});
export type Webhook = z.infer<typeof webhook>;
export const webhookList = z.object({ webhooks: z.array(webhook) });
export type WebhookList = z.infer<typeof webhookList>;
export const createdWebhook = z.object({ webhook, secret: z.string() });
export type CreatedWebhook = z.infer<typeof createdWebhook>;

export const DELIVERY_EVENTS = ['raised', 'acknowledged', 'cleared', 'test'] as const;
export const delivery = z.object({
  id: z.number().int(),
  alarmID: z.number().int().nullable(),
  webhookID: z.number().int(),
  webhookName: z.string(),
  url: z.string(),
  event: z.enum(DELIVERY_EVENTS),
  state: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  /** HTTP status of the last attempt; null when it got no answer. */
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: isoTime.nullable(),
  createdAt: isoTime,
  deliveredAt: isoTime.nullable(),
});
export type Delivery = z.infer<typeof delivery>;
export const deliveryList = z.object({ deliveries: z.array(delivery) });
export type DeliveryList = z.infer<typeof deliveryList>;

export const webhookRoutes = {
  listWebhooks: {
    id: 'alert-webhooks.list',
    method: 'get',
    path: '/alert-webhooks',
    summary: 'Webhooks alert rules can notify (secrets masked)',
    access: 'admin',
    response: webhookList,
    tag: 'alerts',
  },
  createWebhook: {
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
  deleteWebhook: {
    id: 'alert-webhooks.delete',
    method: 'delete',
    path: '/alert-webhooks/{webhookID}',
    summary: 'Remove a webhook (rules stop notifying it)',
    access: 'admin',
    params: webhookParams,
    response: ok,
    tag: 'alerts',
  },
  testWebhook: {
    id: 'alert-webhooks.test',
    method: 'post',
    path: '/alert-webhooks/{webhookID}/test',
    summary: 'Send a signed test notification now (one attempt) and report the outcome',
    access: 'admin',
    params: webhookParams,
    response: delivery,
    tag: 'alerts',
  },
  alarmDeliveries: {
    id: 'alarms.deliveries',
    method: 'get',
    path: '/alarms/{alarmID}/deliveries',
    summary: "An alarm's webhook deliveries, newest first",
    access: 'admin',
    params: alarmParams,
    response: deliveryList,
    tag: 'alerts',
  },
} as const satisfies Record<string, RouteDef>;

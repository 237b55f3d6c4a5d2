// Webhooks that alert rules notify, and the history of each delivery (docs/alerts.md).
import { z } from 'zod';
import { isoTime } from './common.ts';

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

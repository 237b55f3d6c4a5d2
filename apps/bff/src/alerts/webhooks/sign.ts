// Webhook signature: HMAC-SHA256 of the raw request body under the webhook's secret, sent as
// `X-CMC-Signature: sha256=<lowercase hex>` (docs/alerts.md shows how a receiver checks it).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-cmc-signature';

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Constant-time check, as a receiver should do it. */
export function verifySignature(secret: string, body: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** What the browser may see of a secret after creation. */
export function secretHint(secret: string): string {
  return `whsec_…${secret.slice(-4)}`;
}

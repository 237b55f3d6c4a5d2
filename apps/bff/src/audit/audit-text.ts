// What goes into and comes out of an audit row. Sign-in rows carry names typed by anyone, and a row
// written by an older version may hold anything: both directions clean the values, so a stored row
// can never break the admin's audit page or spoof what it shows.
import { UINT32_MAX, type AuditEntry } from '@cmc/api';

// C0 and C1 controls, bidi embeddings/overrides/isolates and marks, zero-width characters and the
// BOM: they can reorder or hide what the admin reads (a name shown reversed, a fake line break).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * Replaces hidden and direction-changing characters with U+FFFD, so "admin" followed by an
 * invisible character still reads as something other than "admin", then caps the length.
 */
export function cleanText(value: string, max: number): string {
  const clean = value.replace(HIDDEN, '\ufffd');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

export function cleanOptional(value: string | null | undefined, max: number): string | null {
  return typeof value === 'string' ? cleanText(value, max) : null;
}

/** A G-SDK device ID (uint32, never 0). */
export const isDeviceID = (x: unknown): x is number =>
  typeof x === 'number' && Number.isInteger(x) && x >= 1 && x <= UINT32_MAX;

/** The stored device_ids column as the schema wants it, whatever it holds. */
export function readDeviceIDs(stored: unknown): number[] {
  if (typeof stored !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) ? parsed.filter(isDeviceID) : [];
  } catch {
    return [];
  }
}

export interface AuditRow {
  id: number;
  at: unknown;
  username: unknown;
  role: unknown;
  action: unknown;
  gateway_id: unknown;
  device_ids: unknown;
  summary: unknown;
  outcome: unknown;
  error: unknown;
  source_address: unknown;
  request_id: unknown;
}

const text = (v: unknown, max: number) => (typeof v === 'string' ? cleanText(v, max) : null);

/** One stored row as an API entry; never throws. */
export function toAuditEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: typeof r.at === 'string' ? r.at : new Date(0).toISOString(),
    username: text(r.username, 100),
    role: r.role === 'admin' || r.role === 'tenant' ? r.role : null,
    action: text(r.action, 100) ?? 'unknown',
    gatewayID: text(r.gateway_id, 100),
    deviceIDs: readDeviceIDs(r.device_ids),
    summary: text(r.summary, 1100) ?? '',
    outcome: r.outcome === 'success' ? 'success' : 'failure',
    error: text(r.error, 1100),
    sourceAddress: text(r.source_address, 100),
    requestId: text(r.request_id, 100),
  };
}

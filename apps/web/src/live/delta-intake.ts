// Where `delta` (one gateway) and `deltas` (one batch window, many gateways) events enter the client:
// both become a list of per-gateway deltas, checked against each gateway's last seq.
import { deltaEventSchema, deltasEventSchema, type DeltaEvent } from '@cmc/api';
import { sequenceGap } from './apply-changes.ts';

export type ParsedDeltas = { ok: true; deltas: DeltaEvent[] } | { ok: false; message: string };

/** Validates a `delta` or `deltas` event; a malformed one says which field was wrong. */
export function parseDeltas(event: 'delta' | 'deltas', raw: unknown): ParsedDeltas {
  if (event === 'delta') {
    const parsed = deltaEventSchema.safeParse(raw);
    return parsed.success
      ? { ok: true, deltas: [parsed.data] }
      : { ok: false, message: `bad delta: ${firstIssue(parsed.error.issues)}` };
  }
  const parsed = deltasEventSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, deltas: parsed.data.deltas }
    : { ok: false, message: `bad deltas: ${firstIssue(parsed.error.issues)}` };
}

function firstIssue(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const issue = issues[0];
  if (!issue) return 'invalid event';
  return `${issue.path.length > 0 ? issue.path.map(String).join('.') : 'event'}: ${issue.message}`;
}

/**
 * Advances each gateway's last seq through the deltas, in order, and returns the gateways (each
 * once) whose seq jumped: they missed something and need a fresh snapshot (join again). Statuses
 * are absolute, so the caller still applies every delta.
 */
export function takeDeltas(lastSeq: Map<string, number>, deltas: readonly DeltaEvent[]): string[] {
  const stale = new Set<string>();
  for (const delta of deltas) {
    if (sequenceGap(lastSeq.get(delta.gatewayID), delta.seq)) stale.add(delta.gatewayID);
    lastSeq.set(delta.gatewayID, delta.seq);
  }
  return [...stale];
}

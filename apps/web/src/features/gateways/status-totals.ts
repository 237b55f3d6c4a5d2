import { connectedStatuses, failureStatuses, type StatusCounts } from '@cmc/api';

export interface Totals {
  connected: number;
  disconnected: number;
  failing: number;
  total: number;
}

/** Collapses per-status counts into what an operator scans for. */
export function totalsOf(counts: StatusCounts | null | undefined): Totals {
  const out: Totals = { connected: 0, disconnected: 0, failing: 0, total: 0 };
  if (!counts) return out;
  for (const [status, n] of Object.entries(counts)) {
    const value = n ?? 0;
    out.total += value;
    if ((connectedStatuses as readonly string[]).includes(status)) out.connected += value;
    else if ((failureStatuses as readonly string[]).includes(status)) out.failing += value;
    else out.disconnected += value;
  }
  return out;
}

export function sumTotals(list: readonly Totals[]): Totals {
  return list.reduce(
    (a, b) => ({
      connected: a.connected + b.connected,
      disconnected: a.disconnected + b.disconnected,
      failing: a.failing + b.failing,
      total: a.total + b.total,
    }),
    { connected: 0, disconnected: 0, failing: 0, total: 0 },
  );
}

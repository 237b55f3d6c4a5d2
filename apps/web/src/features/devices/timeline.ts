import type { StatusTone } from '../../lib/device-status.ts';
import { statusDisplay } from '../../lib/device-status.ts';

export interface Segment {
  from: number;
  to: number;
  status: string;
  tone: StatusTone;
}

export interface Timeline {
  segments: Segment[];
  /** Share of the window spent connected (0..1); null when nothing at all is known. */
  uptime: number | null;
  /** Time not covered by any known status (before the first recorded change). */
  unknownMs: number;
}

/**
 * Status history -> contiguous segments over [from, to]. Entries are status changes (any order);
 * the status before the first change in the window is the last change before it, if known.
 * Uptime counts only the known part of the window, so a device added an hour ago is not "4% up".
 */
export function buildTimeline(
  entries: ReadonlyArray<{ at: string; statusName: string }>,
  from: number,
  to: number,
): Timeline {
  const changes = entries
    .map((e) => ({ t: Date.parse(e.at), status: e.statusName }))
    .filter((e) => Number.isFinite(e.t) && e.t <= to)
    .sort((a, b) => a.t - b.t);
  const before = changes.filter((c) => c.t <= from).at(-1);
  const inside = changes.filter((c) => c.t > from);
  const segments: Segment[] = [];
  let cursor = from;
  let current: string | null = before?.status ?? null;
  let unknownMs = 0;
  const close = (until: number) => {
    if (until <= cursor) return;
    if (current === null) unknownMs += until - cursor;
    else {
      const last = segments.at(-1);
      if (last && last.status === current) last.to = until;
      else
        segments.push({
          from: cursor,
          to: until,
          status: current,
          tone: statusDisplay(current).tone,
        });
    }
    cursor = until;
  };
  for (const change of inside) {
    close(change.t);
    current = change.status;
  }
  close(to);
  const known = to - from - unknownMs;
  const up = segments.filter((s) => s.tone === 'ok').reduce((sum, s) => sum + (s.to - s.from), 0);
  return { segments, uptime: known > 0 ? up / known : null, unknownMs };
}

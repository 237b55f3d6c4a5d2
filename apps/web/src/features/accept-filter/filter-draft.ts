import { acceptFilter, type AcceptFilter } from '@cmc/api';
import { zodFieldErrors } from '../../lib/zod-fields.ts';

/** The editor's text state: one entry per line (commas and spaces also separate). */
export interface FilterDraft {
  allowAll: boolean;
  deviceIDs: string;
  IPAddrs: string;
  subnetMasks: string;
}

export function draftOf(filter: AcceptFilter): FilterDraft {
  return {
    allowAll: filter.allowAll,
    deviceIDs: filter.deviceIDs.join('\n'),
    IPAddrs: filter.IPAddrs.join('\n'),
    subnetMasks: filter.subnetMasks.join('\n'),
  };
}

export function splitEntries(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Draft -> filter, or one message per field naming the bad entry ("line 3: 10.0.0 must be an IPv4
 * address…") so the user can find it in a long list.
 */
export function parseDraft(
  draft: FilterDraft,
): { ok: true; filter: AcceptFilter } | { ok: false; errors: Record<string, string> } {
  const ids = splitEntries(draft.deviceIDs);
  const ips = splitEntries(draft.IPAddrs);
  const masks = splitEntries(draft.subnetMasks);
  const candidate = {
    allowAll: draft.allowAll,
    deviceIDs: ids.map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
    IPAddrs: ips,
    subnetMasks: masks,
  };
  const result = acceptFilter.safeParse(candidate);
  const errors: Record<string, string> = {};
  const seen = new Set<number>();
  for (const entry of ids) {
    const n = Number(entry);
    if (seen.has(n) && !errors['deviceIDs']) errors['deviceIDs'] = `${entry} is listed twice`;
    seen.add(n);
  }
  if (!result.success) {
    const raw = zodFieldErrors(result.error);
    const lists: Record<string, string[]> = { deviceIDs: ids, IPAddrs: ips, subnetMasks: masks };
    for (const [path, message] of Object.entries(raw)) {
      const [field, index] = path.split('.');
      if (!field || errors[field]) continue;
      const entry = index !== undefined ? lists[field]?.[Number(index)] : undefined;
      errors[field] = entry !== undefined ? `"${entry}" ${message}` : message;
    }
  }
  if (Object.keys(errors).length > 0 || !result.success) return { ok: false, errors };
  return { ok: true, filter: result.data };
}

export interface ListChange<T> {
  added: T[];
  removed: T[];
}

export interface FilterChange {
  allowAll: { from: boolean; to: boolean } | null;
  deviceIDs: ListChange<number>;
  IPAddrs: ListChange<string>;
  subnetMasks: ListChange<string>;
  /** True when saving would change nothing. */
  none: boolean;
}

function listChange<T>(from: readonly T[], to: readonly T[]): ListChange<T> {
  const a = new Set(from);
  const b = new Set(to);
  return { added: to.filter((x) => !a.has(x)), removed: from.filter((x) => !b.has(x)) };
}

/** What saving `next` over `current` changes: the preview shown before anything is sent. */
export function diffFilter(current: AcceptFilter, next: AcceptFilter): FilterChange {
  const change = {
    allowAll:
      current.allowAll !== next.allowAll ? { from: current.allowAll, to: next.allowAll } : null,
    deviceIDs: listChange(current.deviceIDs, next.deviceIDs),
    IPAddrs: listChange(current.IPAddrs, next.IPAddrs),
    subnetMasks: listChange(current.subnetMasks, next.subnetMasks),
  };
  const none =
    !change.allowAll &&
    [change.deviceIDs, change.IPAddrs, change.subnetMasks].every(
      (c) => c.added.length === 0 && c.removed.length === 0,
    );
  return { ...change, none };
}

// Keeps device reads (lists and details) in step with the live channel. Two ways a read can miss a
// change, both closed here:
// - A read cut on the server before the join: the light snapshot (`auth.snapshot: 'gateways'`)
//   carries no device rows, so a device read made before it is read again (one in flight when the
//   snapshot comes: again once it lands, its rows shown meanwhile) unless the read says where it
//   was cut (a device list's `live`) and that is no earlier than the snapshot: then every later
//   change reaches it as a delta.
// - A delta that reaches the browser while a read is in flight: the read's answer may be older
//   than the change and would overwrite it. Changes applied since a read started are replayed
//   onto its answer (statuses are absolute, so replaying one it already holds is harmless); a
//   device joining or leaving a list meanwhile cannot be replayed exactly, so that read is redone.
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import type { LiveChange, LiveCut, SnapshotEvent } from '@cmc/api';
import { queryKeys } from '../lib/query-keys.ts';

/** Changes kept for reads in flight: 20 s at 1,000 changes/s; an older read is redone instead. */
const LOG_LIMIT = 20_000;

export interface FetchReplay {
  /** Status changes just applied to the cache, in order. */
  recordChanges(changes: readonly LiveChange[]): void;
  /** Devices joined or left a list: reads in flight are redone when they land. */
  recordMembership(): void;
  /** A light snapshot came: every device read made before it and cut earlier is read again. */
  rereadAll(snapshot: Pick<SnapshotEvent, 'hub' | 'gateways'>): void;
  stop(): void;
}

interface Started {
  /** Position in the change log when the read started. */
  at: number;
  membership: number;
}

const [devicesRoot, listPart] = queryKeys.deviceLists();
const detailPart = queryKeys.deviceDetails()[1];
const historyPart = queryKeys.deviceHistory(0)[1];

/** Device lists and device details: the reads the live channel patches. */
function isDeviceRead(key: QueryKey): boolean {
  return key[0] === devicesRoot && (key[1] === listPart || key[1] === detailPart);
}

/**
 * True when a read cut at `cut` already holds every change before the join `joined` describes:
 * same hub, and no gateway of the read's scope past the seq the read was cut at.
 */
export function cutCovers(
  cut: LiveCut | undefined,
  joined: Pick<SnapshotEvent, 'hub' | 'gateways'> | undefined,
): boolean {
  if (!cut || !joined || cut.hub !== joined.hub) return false;
  for (const g of joined.gateways) {
    const seq = cut.seqs[g.gatewayID];
    if (seq !== undefined && seq < g.seq) return false;
  }
  return true;
}

function cutOf(data: unknown): LiveCut | undefined {
  return typeof data === 'object' && data !== null && 'live' in data
    ? (data as { live?: LiveCut }).live
    : undefined;
}

/** `replay(key, changes)`: applies changes to one cached entry (live-cache's own patch). */
export function createFetchReplay(
  queryClient: QueryClient,
  replay: (key: QueryKey, changes: readonly LiveChange[]) => void,
): FetchReplay {
  let log: LiveChange[] = [];
  /** Log position of log[0]. */
  let base = 0;
  let membership = 0;
  const started = new Map<string, Started>();
  const rereadWhenLanded = new Set<string>();
  /** The last join's snapshot, which reads landing after it are compared with. */
  let joined: Pick<SnapshotEvent, 'hub' | 'gateways'> | undefined;

  const reread = (key: QueryKey) =>
    void queryClient.invalidateQueries({ queryKey: key, exact: true });

  function landed(query: Query): void {
    const start = started.get(query.queryHash);
    started.delete(query.queryHash);
    const key = query.queryKey;
    if (rereadWhenLanded.delete(query.queryHash) && !cutCovers(cutOf(query.state.data), joined)) {
      queueMicrotask(() => reread(key));
      return;
    }
    if (!start) return;
    if (start.membership !== membership || start.at < base) {
      queueMicrotask(() => reread(key));
      return;
    }
    const missed = log.slice(start.at - base);
    // Before the screens are told of the answer (observers hear of it on a later task).
    if (missed.length > 0) queueMicrotask(() => replay(key, missed));
  }

  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'removed') {
      started.delete(event.query.queryHash);
      rereadWhenLanded.delete(event.query.queryHash);
      return;
    }
    if (event.type !== 'updated' || !isDeviceRead(event.query.queryKey)) return;
    const { action, query } = event;
    if (action.type === 'fetch') {
      // A read restarted without landing keeps its first start: replaying more is harmless.
      if (!started.has(query.queryHash))
        started.set(query.queryHash, { at: base + log.length, membership });
    } else if (action.type === 'success' && !action.manual) {
      landed(query);
    } else if (action.type === 'error') {
      started.delete(query.queryHash);
      rereadWhenLanded.delete(query.queryHash);
    }
  });

  return {
    recordChanges(changes) {
      if (changes.length === 0) return;
      // Only while a read is in flight is anything replayed; otherwise the log need not grow.
      if (started.size === 0) {
        base += log.length;
        log = [];
        return void (base += changes.length);
      }
      log.push(...changes);
      if (log.length > 2 * LOG_LIMIT) {
        const drop = log.length - LOG_LIMIT;
        log = log.slice(drop);
        base += drop;
      }
    },
    recordMembership() {
      membership += 1;
    },
    rereadAll(snapshot) {
      joined = snapshot;
      for (const query of queryClient.getQueryCache().getAll()) {
        // A device's history may also lack a change made before the join (never replayed onto).
        const key = query.queryKey;
        if (!isDeviceRead(key) && !(key[0] === devicesRoot && key[1] === historyPart)) continue;
        if (query.state.fetchStatus === 'fetching') rereadWhenLanded.add(query.queryHash);
        else if (query.state.data !== undefined && !cutCovers(cutOf(query.state.data), joined))
          reread(query.queryKey);
      }
    },
    stop() {
      unsubscribe();
      started.clear();
      rereadWhenLanded.clear();
      log = [];
    },
  };
}

// The devices page's selection and its bulk actions: which devices are selected (a page's rows or
// "all matching" the filter), running an action over them in API-sized chunks with progress, and
// what came of it (per-device failures stay selected so they can be retried).
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { DeviceRow } from '@cmc/api';
import { queryKeys } from '../../../lib/query-keys.ts';
import {
  emptySelection,
  reconcileFilter,
  resolveSelection,
  selectedCount,
  type Selection,
} from '../../../lib/selection.ts';
import { disconnectDevices } from '../api/disconnect-devices.ts';
import type { DeviceListParams } from '../api/list-devices.ts';
import { fetchMatchingRows, runOnMatching, type DeviceRef } from '../api/matching-devices.ts';
import { runBulk, type BulkOutcome } from '../api/run-bulk.ts';
import { setConnectionMode } from '../api/set-connection-mode.ts';
import { filterKey } from '../url-state.ts';
import type { BulkAction } from './bulk-bar.tsx';

export type RemoveAsync = (
  gatewayID: string,
  store: 'session' | 'db',
  deviceIDs: number[],
) => Promise<unknown>;

const ACTION_LABEL = (a: BulkAction) =>
  a.kind === 'disconnect'
    ? 'Disconnect'
    : a.kind === 'ssl'
      ? a.enabled
        ? 'Enable SSL'
        : 'Disable SSL'
      : a.kind === 'mode'
        ? `Set mode ${a.mode === 'DEVICE_TO_SERVER' ? 'device → server' : 'server → device'}`
        : `Remove async registration (${a.store})`;

export interface BulkRun {
  /** The selection, reset when the filter it was made under changes. */
  selection: Selection;
  setSelection: Dispatch<SetStateAction<Selection>>;
  /** Each failed device's reason, shown on its row. */
  errors: ReadonlyMap<number, string>;
  outcome: { label: string; result: BulkOutcome } | null;
  /** Why the last run could not run at all (e.g. reading "all matching" failed). */
  runError: unknown;
  progress: { done: number; total: number } | null;
  /** An SSL change waiting for its plan dialog (composed by the route). */
  sslChange: { rows: DeviceRow[]; enabled: boolean } | null;
  run(action: BulkAction): Promise<void>;
  /** The SSL dialog closed: null when cancelled, else the failures of its run. */
  closeSslChange(failures: ReadonlyMap<number, string> | null): void;
}

export function useBulkRun(
  params: DeviceListParams,
  rows: readonly DeviceRow[],
  removeAsync: RemoveAsync,
): BulkRun {
  const queryClient = useQueryClient();
  const [rawSelection, setSelection] = useState<Selection>(emptySelection);
  const selection = reconcileFilter(rawSelection, filterKey(params));
  // Rows seen on any page, so a selection spanning pages runs on what the user saw.
  const rowOf = useRef(new Map<number, DeviceRow>());
  // Once per new list, not per render (10,000 rows).
  const rowsSeen = useRef<readonly DeviceRow[] | null>(null);
  if (rowsSeen.current !== rows) {
    rowsSeen.current = rows;
    for (const row of rows) rowOf.current.set(row.deviceID, row);
  }
  const [errors, setErrors] = useState<ReadonlyMap<number, string>>(new Map());
  const [outcome, setOutcome] = useState<BulkRun['outcome']>(null);
  const [runError, setRunError] = useState<unknown>(null);
  const [progress, setProgress] = useState<BulkRun['progress']>(null);
  const [sslChange, setSslChange] = useState<BulkRun['sslChange']>(null);

  /** The selected devices as they are now ("all matching" is read from the server). */
  async function selectedRows(): Promise<DeviceRow[]> {
    if (selection.kind === 'all') {
      const { page: _p, pageSize: _s, ...filter } = params;
      const all = await fetchMatchingRows(filter);
      const ids = new Set(
        resolveSelection(
          selection,
          all.map((r) => r.deviceID),
        ),
      );
      return all.filter((r) => ids.has(r.deviceID));
    }
    return resolveSelection(selection).flatMap((id) => {
      const row = rowOf.current.get(id);
      return row ? [row] : [];
    });
  }

  // Failed devices stay selected (with their reason on the row) so they can be retried.
  function settle(failures: ReadonlyMap<number, string>) {
    setErrors(failures);
    setSelection(
      failures.size > 0 ? { kind: 'some', ids: new Set(failures.keys()) } : emptySelection,
    );
  }

  async function run(action: BulkAction) {
    // A new run replaces the last one's messages.
    setRunError(null);
    setOutcome(null);
    setErrors(new Map());
    setProgress({ done: 0, total: selectedCount(selection) });
    try {
      const serverSide =
        selection.kind === 'all' && (action.kind === 'disconnect' || action.kind === 'mode');
      const selected = serverSide ? [] : await selectedRows();
      if (action.kind === 'ssl') {
        // An SSL change drops connections: the plan is shown first (the route's dialog).
        setSslChange({ rows: selected, enabled: action.enabled });
        return;
      }
      if (selection.kind === 'all' && (action.kind === 'disconnect' || action.kind === 'mode')) {
        // The BFF resolves "all matching" itself and runs it per gateway: one request, however many.
        const { page: _p, pageSize: _s, ...filter } = params;
        const result = await runOnMatching(filter, selection.excluded, action);
        const failures = new Map<number, string>();
        for (const r of result.results)
          if (!r.ok) failures.set(r.deviceID, r.message ?? `failed (code ${r.code ?? '?'})`);
        setOutcome({
          label: ACTION_LABEL(action),
          result: { succeeded: result.succeeded, failures },
        });
        settle(failures);
        return;
      }
      const refs: DeviceRef[] = selected.map((r) => ({
        deviceID: r.deviceID,
        gatewayID: r.gatewayID,
      }));
      const command =
        action.kind === 'disconnect'
          ? (g: string, ids: number[]) => disconnectDevices(g, ids)
          : action.kind === 'mode'
            ? (g: string, ids: number[]) => setConnectionMode(g, ids, action.mode)
            : (g: string, ids: number[]) => removeAsync(g, action.store, ids);
      const result = await runBulk(refs, command, (done, total) => setProgress({ done, total }));
      setOutcome({ label: ACTION_LABEL(action), result });
      settle(result.failures);
    } catch (error) {
      setRunError(error);
    } finally {
      setProgress(null);
      void queryClient.invalidateQueries({ queryKey: queryKeys.devices });
      void queryClient.invalidateQueries({ queryKey: queryKeys.gateways });
    }
  }

  function closeSslChange(failures: ReadonlyMap<number, string> | null) {
    setSslChange(null);
    if (failures) settle(failures);
  }

  return {
    selection,
    setSelection,
    errors,
    outcome,
    runError,
    progress,
    sslChange,
    run,
    closeSslChange,
  };
}

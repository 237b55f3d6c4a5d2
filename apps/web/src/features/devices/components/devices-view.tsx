import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { DeviceRow } from '@cmc/api';
import { formatCount } from '../../../lib/format.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import {
  emptySelection,
  reconcileFilter,
  resolveSelection,
  selectAllMatching,
  selectedCount,
  setMany,
  toggle,
  type Selection,
} from '../../../lib/selection.ts';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { SkeletonRows } from '../../../ui/skeleton.tsx';
import { disconnectDevices } from '../api/disconnect-devices.ts';
import { useDevices, type DeviceListParams, type SortField } from '../api/list-devices.ts';
import { fetchMatchingRows, type DeviceRef } from '../api/matching-devices.ts';
import { runBulk, type BulkOutcome } from '../api/run-bulk.ts';
import { setConnectionMode } from '../api/set-connection-mode.ts';
import { filterKey, PAGE_SIZES, paramsFromSearch, searchFromParams } from '../url-state.ts';
import { BulkBar, type BulkAction } from './bulk-bar.tsx';
import { DeviceFilters, type DeviceFilter } from './device-filters.tsx';
import { DeviceTable } from './device-table.tsx';

export type RemoveAsync = (
  gatewayID: string,
  store: 'session' | 'db',
  deviceIDs: number[],
) => Promise<unknown>;
/** The SSL change (plan, run, results), composed by the route; failures are null when cancelled. */
export type RenderSslChange = (props: {
  rows: DeviceRow[];
  enabled: boolean;
  onClose: (failures: ReadonlyMap<number, string> | null) => void;
}) => ReactNode;

interface Props {
  gateways: readonly string[];
  readOnly: boolean;
  /** Provided by the route from the async-connections feature. */
  removeAsync: RemoveAsync;
  renderSslChange: RenderSslChange;
}

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

export function DevicesView({ gateways, readOnly, removeAsync, renderSslChange }: Props) {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => paramsFromSearch(search), [search]);
  const query = useDevices(params);
  const queryClient = useQueryClient();
  const [rawSelection, setSelection] = useState<Selection>(emptySelection);
  const selection = reconcileFilter(rawSelection, filterKey(params));
  const rowOf = useRef(new Map<number, DeviceRow>());
  const [errors, setErrors] = useState<ReadonlyMap<number, string>>(new Map());
  const [outcome, setOutcome] = useState<{ label: string; result: BulkOutcome } | null>(null);
  const [runError, setRunError] = useState<unknown>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [sslChange, setSslChange] = useState<{ rows: DeviceRow[]; enabled: boolean } | null>(null);

  const rows = useMemo(() => query.data?.items ?? [], [query.data]);
  for (const row of rows) rowOf.current.set(row.deviceID, row);

  const update = useCallback(
    (next: Partial<DeviceListParams>) =>
      setSearch(searchFromParams({ ...params, page: 1, ...next }), { replace: true }),
    [params, setSearch],
  );
  const onFilter = useCallback((f: DeviceFilter) => update({ ...f }), [update]);
  const onSort = useCallback(
    (field: SortField) =>
      update({
        sort: field,
        order: params.sort === field && params.order === 'asc' ? 'desc' : 'asc',
      }),
    [params, update],
  );
  const onToggle = useCallback((id: number) => setSelection((s) => toggle(s, id)), []);

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
      const selected = await selectedRows();
      if (action.kind === 'ssl') {
        // An SSL change drops connections: the plan is shown first (the route's dialog).
        setSslChange({ rows: selected, enabled: action.enabled });
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

  const total = query.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / params.pageSize));
  const { page: _page, pageSize: _size, sort: _sort, order: _order, ...filter } = params;

  return (
    <div className="stack">
      <DeviceFilters filter={filter} gateways={gateways} onChange={onFilter} />
      {query.data && query.data.unavailableGateways.length > 0 ? (
        <div className="alert alert-warn" role="alert">
          Device lists could not be read from:{' '}
          {query.data.unavailableGateways.map((g) => `${g.gatewayID} (${g.error})`).join('; ')}
        </div>
      ) : null}
      {!readOnly ? (
        <BulkBar
          count={selectedCount(selection)}
          pageCount={rows.length}
          total={total}
          allMatching={selection.kind === 'all'}
          running={progress !== null}
          progress={progress}
          onSelectAllMatching={() => setSelection(selectAllMatching(filterKey(params), total))}
          onClear={() => setSelection(emptySelection)}
          onRun={(a) => void run(a)}
        />
      ) : null}
      <ErrorAlert error={runError} title="The action did not run" />
      {sslChange
        ? renderSslChange({
            ...sslChange,
            onClose: (failures) => {
              setSslChange(null);
              if (failures) settle(failures);
            },
          })
        : null}
      {outcome ? (
        <div
          className={outcome.result.failures.size > 0 ? 'alert alert-warn' : 'alert alert-ok'}
          role="status"
          data-testid="bulk-outcome"
        >
          <strong>{outcome.label}:</strong> {formatCount(outcome.result.succeeded)} succeeded
          {outcome.result.failures.size > 0
            ? `, ${formatCount(outcome.result.failures.size)} failed — each failed device shows its reason on its row and stays selected.`
            : '.'}
        </div>
      ) : null}
      {query.isPending ? (
        <SkeletonRows rows={10} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} title="Devices could not be loaded" />
      ) : rows.length === 0 ? (
        <EmptyState title="No devices match">
          <p>Change the filters, or connect devices from Search or Connect.</p>
        </EmptyState>
      ) : (
        <DeviceTable
          rows={rows}
          selectable={!readOnly}
          selection={selection}
          errors={errors}
          sort={params.sort}
          order={params.order}
          onSort={onSort}
          onToggle={onToggle}
          onTogglePage={(on) =>
            setSelection((s) =>
              setMany(
                s,
                rows.map((r) => r.deviceID),
                on,
              ),
            )
          }
        />
      )}
      <div className="pager">
        <span className="muted" data-testid="device-total">
          {formatCount(total)} device{total === 1 ? '' : 's'}
          {query.isFetching && !query.isPending ? ' · refreshing…' : ''}
        </span>
        <label htmlFor="page-size" className="muted">
          Rows per page
        </label>
        <select
          id="page-size"
          className="select"
          value={params.pageSize}
          onChange={(e) => update({ pageSize: Number(e.target.value) })}
        >
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {formatCount(n)}
            </option>
          ))}
        </select>
        <button
          className="btn btn-sm"
          type="button"
          disabled={params.page <= 1}
          onClick={() => update({ page: params.page - 1 })}
        >
          Previous
        </button>
        <span>
          Page {params.page} of {pages}
        </span>
        <button
          className="btn btn-sm"
          type="button"
          disabled={params.page >= pages}
          onClick={() => update({ page: params.page + 1 })}
        >
          Next
        </button>
      </div>
    </div>
  );
}

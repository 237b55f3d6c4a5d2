import { useCallback, useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { DeviceRow } from '@cmc/api';
import { formatCount } from '../../../lib/format.ts';
import {
  emptySelection,
  selectAllMatching,
  selectedCount,
  setMany,
  toggle,
} from '../../../lib/selection.ts';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { SkeletonRows } from '../../../ui/skeleton.tsx';
import { useDevices, type DeviceListParams, type SortField } from '../api/list-devices.ts';
import { filterKey, PAGE_SIZES, paramsFromSearch, searchFromParams } from '../url-state.ts';
import { BulkBar } from './bulk-bar.tsx';
import { DeviceFilters, type DeviceFilter } from './device-filters.tsx';
import { DeviceTable } from './device-table.tsx';
import { useBulkRun, type RemoveAsync } from './use-bulk-run.ts';

export type { RemoveAsync } from './use-bulk-run.ts';
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

export function DevicesView({ gateways, readOnly, removeAsync, renderSslChange }: Props) {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => paramsFromSearch(search), [search]);
  const query = useDevices(params);
  const rows = useMemo(() => query.data?.items ?? [], [query.data]);
  const bulk = useBulkRun(params, rows, removeAsync);
  const { selection, setSelection, outcome } = bulk;

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
  const onToggle = useCallback((id: number) => setSelection((s) => toggle(s, id)), [setSelection]);

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
          running={bulk.progress !== null}
          progress={bulk.progress}
          onSelectAllMatching={() => setSelection(selectAllMatching(filterKey(params), total))}
          onClear={() => setSelection(emptySelection)}
          onRun={(a) => void bulk.run(a)}
        />
      ) : null}
      <ErrorAlert error={bulk.runError} title="The action did not run" />
      {bulk.sslChange ? renderSslChange({ ...bulk.sslChange, onClose: bulk.closeSslChange }) : null}
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
          errors={bulk.errors}
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

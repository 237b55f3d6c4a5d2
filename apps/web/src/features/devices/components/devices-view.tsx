import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../../lib/api-error.ts';
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
import { fetchMatchingDevices, type DeviceRef } from '../api/matching-devices.ts';
import { runBulk, type BulkOutcome } from '../api/run-bulk.ts';
import { setConnectionMode } from '../api/set-connection-mode.ts';
import { setSsl } from '../api/set-ssl.ts';
import { filterKey, PAGE_SIZES, paramsFromSearch, searchFromParams } from '../url-state.ts';
import { BulkBar, type BulkAction } from './bulk-bar.tsx';
import { DeviceFilters, type DeviceFilter } from './device-filters.tsx';
import { DeviceTable } from './device-table.tsx';

export type RemoveAsync = (
  gatewayID: string,
  store: 'session' | 'db',
  deviceIDs: number[],
) => Promise<unknown>;
export type ReRegisterAsync = (
  refs: DeviceRef[],
  useSSL: boolean,
) => Promise<{ updated: number[]; notRegistered: number[]; failures: Map<number, string> }>;

interface Props {
  gateways: readonly string[];
  readOnly: boolean;
  /** Provided by the route from the async-connections feature. */
  removeAsync: RemoveAsync;
  /** Re-adds async registrations with a new SSL flag (composed by the route). */
  reRegisterAsync: ReRegisterAsync;
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

// The G-SDK requires the SSL flag of Connect / AddAsyncConnection to match the device.
const SSL_NOTE =
  'The devices now use the new SSL setting. Async registrations keep the SSL flag they were added with, so the gateway cannot reconnect them until they are updated.';

export function DevicesView({ gateways, readOnly, removeAsync, reRegisterAsync }: Props) {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => paramsFromSearch(search), [search]);
  const query = useDevices(params);
  const queryClient = useQueryClient();
  const [rawSelection, setSelection] = useState<Selection>(emptySelection);
  const selection = reconcileFilter(rawSelection, filterKey(params));
  const gatewayOf = useRef(new Map<number, string>());
  const [errors, setErrors] = useState<ReadonlyMap<number, string>>(new Map());
  const [outcome, setOutcome] = useState<{
    label: string;
    note: string | null;
    result: BulkOutcome;
  } | null>(null);
  const [runError, setRunError] = useState<unknown>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  // Devices whose SSL just changed, so their async registrations can follow.
  const [sslChanged, setSslChanged] = useState<{ refs: DeviceRef[]; enabled: boolean } | null>(
    null,
  );
  const [reRegister, setReRegister] = useState<{ running: boolean; text: string | null }>({
    running: false,
    text: null,
  });

  const rows = useMemo(() => query.data?.items ?? [], [query.data]);
  for (const row of rows) gatewayOf.current.set(row.deviceID, row.gatewayID);

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

  async function run(action: BulkAction) {
    setRunError(null);
    setOutcome(null);
    setSslChanged(null);
    setReRegister({ running: false, text: null });
    setProgress({ done: 0, total: selectedCount(selection) });
    try {
      let refs: DeviceRef[];
      if (selection.kind === 'all') {
        const { page: _p, pageSize: _s, ...filter } = params;
        const all = await fetchMatchingDevices(filter);
        const ids = new Set(
          resolveSelection(
            selection,
            all.map((r) => r.deviceID),
          ),
        );
        refs = all.filter((r) => ids.has(r.deviceID));
      } else {
        refs = resolveSelection(selection).flatMap((id) => {
          const gatewayID = gatewayOf.current.get(id);
          return gatewayID ? [{ deviceID: id, gatewayID }] : [];
        });
      }
      const command =
        action.kind === 'disconnect'
          ? (g: string, ids: number[]) => disconnectDevices(g, ids)
          : action.kind === 'ssl'
            ? (g: string, ids: number[]) => setSsl(g, ids, action.enabled)
            : action.kind === 'mode'
              ? (g: string, ids: number[]) => setConnectionMode(g, ids, action.mode)
              : (g: string, ids: number[]) => removeAsync(g, action.store, ids);
      const result = await runBulk(refs, command, (done, total) => setProgress({ done, total }));
      setErrors(result.failures);
      setOutcome({
        label: ACTION_LABEL(action),
        note: action.kind === 'ssl' ? SSL_NOTE : null,
        result,
      });
      if (action.kind === 'ssl')
        setSslChanged({
          refs: refs.filter((r) => !result.failures.has(r.deviceID)),
          enabled: action.enabled,
        });
      // Failed devices stay selected so the user can retry them; the rest are done.
      setSelection(
        result.failures.size > 0
          ? { kind: 'some', ids: new Set(result.failures.keys()) }
          : emptySelection,
      );
    } catch (error) {
      setRunError(error);
    } finally {
      setProgress(null);
      void queryClient.invalidateQueries({ queryKey: queryKeys.devices });
      void queryClient.invalidateQueries({ queryKey: queryKeys.gateways });
    }
  }

  async function followSsl() {
    if (!sslChanged) return;
    setReRegister({ running: true, text: null });
    try {
      const result = await reRegisterAsync(sslChanged.refs, sslChanged.enabled);
      setErrors((current) => new Map([...current, ...result.failures]));
      const parts = [
        `${formatCount(result.updated.length)} registration${result.updated.length === 1 ? '' : 's'} now use SSL ${sslChanged.enabled ? 'on' : 'off'}`,
      ];
      if (result.notRegistered.length > 0)
        parts.push(
          `${formatCount(result.notRegistered.length)} device(s) had no async registration`,
        );
      if (result.failures.size > 0)
        parts.push(`${formatCount(result.failures.size)} failed (see their rows)`);
      setReRegister({ running: false, text: `${parts.join('; ')}.` });
      setSslChanged(null);
    } catch (error) {
      setReRegister({
        running: false,
        text: `Updating the registrations failed: ${errorMessage(error)}`,
      });
    } finally {
      void queryClient.invalidateQueries({ queryKey: queryKeys.devices });
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
          {outcome.note ? <div className="muted">{outcome.note}</div> : null}
          {sslChanged && sslChanged.refs.length > 0 ? (
            <div style={{ marginTop: 6 }}>
              <button
                className="btn btn-sm"
                type="button"
                disabled={reRegister.running}
                onClick={() => void followSsl()}
              >
                {reRegister.running
                  ? 'Updating…'
                  : `Update their async registrations to SSL ${sslChanged.enabled ? 'on' : 'off'}`}
              </button>
            </div>
          ) : null}
          {reRegister.text ? <div data-testid="reregister-outcome">{reRegister.text}</div> : null}
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

import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { reportGroups, reportPeriods, type ReportGroup, type ReportPeriod } from '@cmc/api';
import { dateTime } from '../../../lib/format.ts';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { SelectField, TextField } from '../../../ui/field.tsx';
import { SkeletonRows } from '../../../ui/skeleton.tsx';
import {
  availabilityCsvUrl,
  useAvailabilityReport,
  type ReportParams,
} from '../api/availability-report.ts';
import { sortRows, type Sort } from '../report-format.ts';
import { AvailabilityChart } from './availability-chart.tsx';
import { AvailabilityTable } from './availability-table.tsx';

const GROUP_LABEL: Record<ReportGroup, string> = {
  device: 'Device',
  gateway: 'Gateway',
  tenant: 'Tenant',
};
const PERIOD_LABEL: Record<ReportPeriod, string> = {
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
};

/** datetime-local value (local time) -> ISO string; '' or invalid stays unset. */
function localToIso(value: string | null): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export function AvailabilityReport() {
  const [search, setSearch] = useSearchParams();
  const groupBy = reportGroups.find((g) => g === search.get('groupBy')) ?? 'device';
  const range = search.get('range') ?? '24h';
  const custom = range === 'custom';
  const params: ReportParams = useMemo(
    () =>
      custom
        ? { groupBy, from: localToIso(search.get('from')), to: localToIso(search.get('to')) }
        : { groupBy, period: reportPeriods.find((p) => p === range) ?? '24h' },
    [custom, groupBy, range, search],
  );
  const [from, setFrom] = useState(search.get('from') ?? '');
  const [to, setTo] = useState(search.get('to') ?? '');
  const [sort, setSort] = useState<Sort>({ key: 'availabilityPercent', dir: 'asc' });
  const waitingForRange = custom && !params.from;
  const report = useAvailabilityReport(params);
  const rows = useMemo(() => sortRows(report.data?.rows ?? [], sort), [report.data, sort]);

  const set = (entries: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(entries)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setSearch(next, { replace: true });
  };

  return (
    <div className="stack">
      <form
        className="toolbar"
        aria-label="Report settings"
        onSubmit={(e) => {
          e.preventDefault();
          set({ from, to });
        }}
      >
        <SelectField
          label="Per"
          value={groupBy}
          onChange={(v) => set({ groupBy: v })}
          options={reportGroups.map((g) => ({ value: g, label: GROUP_LABEL[g] }))}
        />
        <SelectField
          label="Range"
          value={range}
          onChange={(v) => set({ range: v })}
          options={[
            ...reportPeriods.map((p) => ({ value: p, label: PERIOD_LABEL[p] })),
            { value: 'custom', label: 'Chosen range' },
          ]}
        />
        {custom ? (
          <>
            <TextField
              label="From"
              type="datetime-local"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              required
            />
            <TextField
              label="To"
              type="datetime-local"
              value={to}
              onChange={(e) => setTo(e.target.value)}
            />
            <button className="btn btn-primary" type="submit">
              Apply
            </button>
          </>
        ) : null}
        <a
          className="btn"
          href={waitingForRange ? undefined : availabilityCsvUrl(params)}
          aria-disabled={waitingForRange || undefined}
          download
        >
          Download CSV
        </a>
      </form>
      {waitingForRange ? (
        <EmptyState title="Choose a range">
          Give a start (and optionally an end), then Apply.
        </EmptyState>
      ) : report.isPending ? (
        <SkeletonRows rows={8} />
      ) : report.isError ? (
        <ErrorAlert error={report.error} title="The report could not be made" showFields />
      ) : (
        <>
          <p className="muted" data-testid="report-range">
            {dateTime(report.data.from)} – {dateTime(report.data.to)}; connected means TCP_CONNECTED
            or TLS_CONNECTED, and time before a device was first seen is not counted.
          </p>
          {rows.length === 0 ? (
            <EmptyState title="No history in this range">
              No status of any device you can see was recorded in it.
            </EmptyState>
          ) : (
            <>
              <AvailabilityChart rows={rows} />
              <AvailabilityTable groupBy={groupBy} rows={rows} sort={sort} onSort={setSort} />
            </>
          )}
        </>
      )}
    </div>
  );
}

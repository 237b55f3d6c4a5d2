import { Link } from 'react-router';
import type { AvailabilityRow, ReportGroup } from '@cmc/api';
import { formatDuration, formatPercent, type Sort, type SortKey } from '../report-format.ts';

const KEY_LABEL: Record<ReportGroup, string> = {
  device: 'Device',
  gateway: 'Gateway',
  tenant: 'Tenant',
};

function SortHeader({
  label,
  column,
  sort,
  onSort,
}: {
  label: string;
  column: SortKey;
  sort: Sort;
  onSort: (sort: Sort) => void;
}) {
  const active = sort.key === column;
  return (
    <th scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        className="btn btn-ghost btn-sm"
        onClick={() => onSort({ key: column, dir: active && sort.dir === 'asc' ? 'desc' : 'asc' })}
      >
        {label}
        {active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
}

/** Rows already sorted by the caller (the chart shows them in the same order). */
export function AvailabilityTable({
  groupBy,
  rows,
  sort,
  onSort,
}: {
  groupBy: ReportGroup;
  rows: readonly AvailabilityRow[];
  sort: Sort;
  onSort: (sort: Sort) => void;
}) {
  const head = { sort, onSort };
  return (
    <table className="table" aria-label="Availability">
      <thead>
        <tr>
          <SortHeader label={KEY_LABEL[groupBy]} column="key" {...head} />
          {groupBy === 'device' ? <th scope="col">Gateway</th> : null}
          {groupBy !== 'tenant' ? <th scope="col">Tenant</th> : null}
          {groupBy !== 'device' ? <th scope="col">Devices</th> : null}
          <SortHeader label="Availability" column="availabilityPercent" {...head} />
          <SortHeader label="Drops" column="drops" {...head} />
          <SortHeader label="Longest outage" column="longestOutageSeconds" {...head} />
          <SortHeader
            label="Mean time to reconnect"
            column="meanTimeToReconnectSeconds"
            {...head}
          />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-report-key={r.key}>
            <th scope="row">
              {r.deviceID !== null ? (
                <Link to={`/devices/${r.deviceID}`}>{r.deviceID}</Link>
              ) : r.gatewayID !== null ? (
                <Link to={`/gateways/${encodeURIComponent(r.gatewayID)}`}>{r.gatewayID}</Link>
              ) : (
                r.key
              )}
              {r.downAtEnd ? <span className="badge badge-bad"> down</span> : null}
            </th>
            {groupBy === 'device' ? <td>{r.gatewayID}</td> : null}
            {groupBy !== 'tenant' ? (
              <td>{r.tenantID ?? <span className="muted">—</span>}</td>
            ) : null}
            {groupBy !== 'device' ? <td>{r.devices}</td> : null}
            <td data-col="availability">{formatPercent(r.availabilityPercent)}</td>
            <td data-col="drops">{r.drops}</td>
            <td data-col="longest-outage">{formatDuration(r.longestOutageSeconds)}</td>
            <td data-col="mttr">{formatDuration(r.meanTimeToReconnectSeconds)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { memo } from 'react';
import { Link } from 'react-router';
import type { DeviceRow as Row } from '@cmc/api';
import { deviceTypeLabelOfName } from '@cmc/api';
import { connectionModeLabel, failureReason } from '../../../lib/device-status.ts';
import { dateTime, timeAgo } from '../../../lib/format.ts';
import { StatusBadge } from '../../../ui/status-badge.tsx';

// ID, gateway, type, address, status, mode, SSL, last connected, last disconnected, failure.
// At most 1082 px with the checkbox column, so a 1366 px screen (216 px sidebar, padding, scroll
// bar) shows every column; the status column holds the longest badge plus the flapping mark.
const DATA_COLUMNS =
  '92px 84px minmax(80px, 110px) 160px 184px 112px 40px 72px 72px minmax(150px, 1fr)';
export const COLUMNS_SELECTABLE = `36px ${DATA_COLUMNS}`;
export const COLUMNS_READONLY = DATA_COLUMNS;

interface Props {
  row: Row;
  top: number;
  selectable: boolean;
  selected: boolean;
  error: string | undefined;
  /** Its gateway is offline: the status is unknown, whatever the row last said. */
  gatewayOffline?: boolean;
  onToggle: (deviceID: number) => void;
}

/** One device row; memoised so a live delta re-renders only the rows whose object changed. */
export const DeviceRow = memo(function DeviceRow({
  row,
  top,
  selectable,
  selected,
  error,
  gatewayOffline = false,
  onToggle,
}: Props) {
  const failure = failureReason(row.lastFailure);
  const typeLabel = deviceTypeLabelOfName(row.type);
  return (
    <div
      className="vt-row"
      role="row"
      data-device-id={row.deviceID}
      data-selected={selected || undefined}
      data-error={error ? true : undefined}
      style={{
        transform: `translateY(${top}px)`,
        gridTemplateColumns: selectable ? COLUMNS_SELECTABLE : COLUMNS_READONLY,
      }}
    >
      {selectable ? (
        <span role="gridcell">
          <input
            type="checkbox"
            checked={selected}
            onChange={() => onToggle(row.deviceID)}
            aria-label={`Select device ${row.deviceID}`}
          />
        </span>
      ) : null}
      <span role="gridcell" className="mono id-cell">
        <Link to={`/devices/${row.deviceID}`}>{row.deviceID}</Link>
        {row.name ? (
          <span className="device-name" title={row.name}>
            {row.name}
          </span>
        ) : null}
      </span>
      <span role="gridcell">{row.gatewayID}</span>
      <span role="gridcell" title={typeLabel}>
        {typeLabel}
      </span>
      <span role="gridcell" className="mono" title={`${row.IPAddr}:${row.port}`}>
        {row.IPAddr}:{row.port}
      </span>
      <span role="gridcell" data-testid="device-status">
        {gatewayOffline ? (
          <span
            className="badge badge-warn"
            data-status="GATEWAY_OFFLINE"
            title={`Status unknown: gateway ${row.gatewayID} is offline (not connected to the master)`}
          >
            Gateway offline
          </span>
        ) : (
          <StatusBadge status={row.status} />
        )}
        {row.flapping ? (
          <span
            className="flap"
            title="Flapping: changed status many times in a short while"
            aria-label="flapping"
          >
            ↯
          </span>
        ) : null}
      </span>
      <span role="gridcell" title={connectionModeLabel(row.connectionMode)}>
        {connectionModeLabel(row.connectionMode)}
      </span>
      <span role="gridcell">{row.useSSL ? 'On' : 'Off'}</span>
      <span role="gridcell" title={dateTime(row.lastConnectedAt)}>
        {timeAgo(row.lastConnectedAt)}
      </span>
      <span role="gridcell" title={dateTime(row.lastDisconnectedAt)}>
        {timeAgo(row.lastDisconnectedAt)}
      </span>
      <span role="gridcell" title={error ?? failure ?? undefined}>
        {error ? (
          <span className="row-error" data-testid="row-error">
            {error}
          </span>
        ) : failure ? (
          <span className="muted">{failure}</span>
        ) : null}
      </span>
    </div>
  );
});

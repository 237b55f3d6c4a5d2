import { Link } from 'react-router';
import type { DeviceDetail } from '@cmc/api';
import { deviceTypeLabelOfName } from '@cmc/api';
import { connectionModeLabel, statusSentence } from '../../../lib/device-status.ts';
import { dateTime, timeAgo } from '../../../lib/format.ts';
import { StatusBadge } from '../../../ui/status-badge.tsx';

const yesNo = (v: boolean) => (v ? 'Yes' : 'No');

/** "RS-485 846, 847 (saved); Wiegand —" from the session and saved slave lists. */
function slavesText(detail: DeviceDetail): string {
  const parts: string[] = [];
  for (const [store, info] of [
    ['session', detail.slaves.session],
    ['saved', detail.slaves.db],
  ] as const) {
    if (!info) continue;
    const rs = info.rs485SlaveDeviceIDs.join(', ') || '—';
    const wg = info.wiegandSlaveDeviceIDs.join(', ') || '—';
    parts.push(`RS-485 ${rs}; Wiegand ${wg} (${store})`);
  }
  return parts.join(' · ') || 'none';
}

export function DeviceSettings({ detail }: { detail: DeviceDetail }) {
  const d = detail.device;
  const asyncText =
    [
      detail.asyncConnection.session ? 'session' : null,
      detail.asyncConnection.db ? 'saved (DB)' : null,
    ]
      .filter(Boolean)
      .join(' + ') || 'not registered';
  const filterText =
    [
      detail.acceptedByFilter.session ? 'session' : null,
      detail.acceptedByFilter.db ? 'saved (DB)' : null,
    ]
      .filter(Boolean)
      .join(' + ') || 'not accepted';
  return (
    <dl className="kv">
      <dt>Status</dt>
      <dd data-testid="detail-status">
        <StatusBadge status={d.status} />{' '}
        {d.flapping ? <span className="badge badge-warn">Flapping</span> : null}
      </dd>
      <dt>Type</dt>
      <dd>{deviceTypeLabelOfName(d.type)}</dd>
      <dt>Gateway</dt>
      <dd>
        <Link to={`/gateways/${encodeURIComponent(d.gatewayID)}`}>{d.gatewayID}</Link>
      </dd>
      <dt>Address</dt>
      <dd className="mono">
        {d.IPAddr}:{d.port}
      </dd>
      <dt>Connection mode</dt>
      <dd data-testid="detail-mode">{connectionModeLabel(d.connectionMode)}</dd>
      <dt>SSL</dt>
      <dd data-testid="detail-ssl">{d.useSSL ? 'Enabled' : 'Disabled'}</dd>
      <dt>Auto reconnect</dt>
      <dd>{yesNo(d.autoReconnect)}</dd>
      <dt>Async registration</dt>
      <dd>{asyncText}</dd>
      <dt>Accept filter</dt>
      <dd>{filterText}</dd>
      <dt>Last connected</dt>
      <dd title={dateTime(d.lastConnectedAt)}>{timeAgo(d.lastConnectedAt)}</dd>
      <dt>Last disconnected</dt>
      <dd title={dateTime(d.lastDisconnectedAt)}>{timeAgo(d.lastDisconnectedAt)}</dd>
      <dt>Slave devices</dt>
      <dd>{slavesText(detail)}</dd>
      <dt>Last failure</dt>
      <dd>{d.lastFailure ? statusSentence(d.lastFailure) : '—'}</dd>
    </dl>
  );
}

import { useState } from 'react';
import type { LostConnectionsNotice, RestoreLostResponse } from '@cmc/api';
import { deviceTypeLabelOfName } from '@cmc/api';
import { dateTime } from '../../../lib/format.ts';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { useLostConnections } from '../api/lost-connections.ts';
import {
  useDismissLostConnections,
  useRestoreLostConnections,
} from '../api/restore-lost-connections.ts';

const KIND_LABEL = {
  async: 'Session async registration',
  sync: 'One-off connection (Connect)',
} as const;

/**
 * Connections the master dropped when a gateway reconnected (it keeps only what its database
 * holds), with the one admin action that brings them back: as before, or saved to the database.
 */
export function LostConnectionsNotices({
  readOnly,
  gatewayID,
}: {
  readOnly: boolean;
  /** Only this gateway's notice (gateway pages); all the user may see otherwise. */
  gatewayID?: string;
}) {
  const query = useLostConnections();
  const notices = (query.data?.notices ?? []).filter(
    (n) => gatewayID === undefined || n.gatewayID === gatewayID,
  );
  if (notices.length === 0) return null;
  return (
    <>
      {notices.map((n) => (
        <LostNotice key={`${n.gatewayID}:${n.reconnectedAt}`} notice={n} readOnly={readOnly} />
      ))}
    </>
  );
}

function LostNotice({ notice, readOnly }: { notice: LostConnectionsNotice; readOnly: boolean }) {
  const { gatewayID, devices } = notice;
  // Devices the admin unticked; every other one of the notice is re-applied.
  const [skipped, setSkipped] = useState<ReadonlySet<number>>(() => new Set());
  const [save, setSave] = useState(true);
  const [results, setResults] = useState<RestoreLostResponse['results'] | null>(null);
  const restore = useRestoreLostConnections(gatewayID);
  const dismiss = useDismissLostConnections(gatewayID);
  const selected = devices.filter((d) => !skipped.has(d.deviceID)).map((d) => d.deviceID);
  const failed = (results ?? []).filter((r) => !r.ok);
  const toggle = (id: number) =>
    setSkipped((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const titleID = `lost-${gatewayID}`;
  return (
    <section
      className="card lost-notice"
      role="region"
      aria-labelledby={titleID}
      data-testid="lost-connections"
      data-gateway-id={gatewayID}
    >
      <div className="card-header">
        <h2 id={titleID}>
          {gatewayID} reconnected and lost {devices.length}{' '}
          {devices.length === 1 ? 'connection' : 'connections'}
        </h2>
      </div>
      <div className="card-body stack-sm">
        <p>
          The gateway was offline from {dateTime(notice.offlineAt)} until{' '}
          {dateTime(notice.reconnectedAt)}. The master gateway re-applies only the connections saved
          in its database; these were session-only, so they are gone:
        </p>
        <table className="table" aria-label={`Connections ${gatewayID} lost`}>
          <thead>
            <tr>
              {readOnly ? null : <th scope="col">Re-apply</th>}
              <th scope="col">Device</th>
              <th scope="col">Address</th>
              <th scope="col">Was</th>
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <tr key={d.deviceID} data-device-id={d.deviceID}>
                {readOnly ? null : (
                  <td>
                    <input
                      type="checkbox"
                      checked={!skipped.has(d.deviceID)}
                      onChange={() => toggle(d.deviceID)}
                      aria-label={`Re-apply device ${d.deviceID}`}
                    />
                  </td>
                )}
                <td>
                  <span className="mono">{d.deviceID}</span>{' '}
                  <span className="muted">{deviceTypeLabelOfName(d.type)}</span>
                </td>
                <td className="mono">
                  {d.IPAddr}:{d.port}
                  {d.useSSL ? ' (SSL)' : ''}
                </td>
                <td>{KIND_LABEL[d.kind]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {readOnly ? (
          <p className="muted">An administrator can re-apply them.</p>
        ) : (
          <form
            className="stack-sm"
            onSubmit={(e) => {
              e.preventDefault();
              setResults(null);
              restore.mutate(
                { deviceIDs: selected, saveToDatabase: save },
                {
                  onSuccess: (r) => {
                    setResults(r.results);
                    // What is left (failed or unticked before) starts ticked for the next try.
                    setSkipped(new Set());
                  },
                },
              );
            }}
          >
            <fieldset className="stack-sm">
              <legend>How to re-apply</legend>
              <label className="row">
                <input
                  type="radio"
                  name={`how-${gatewayID}`}
                  checked={save}
                  onChange={() => setSave(true)}
                />
                <span>
                  <strong>Re-apply and save to the master database</strong> (AddAsyncConnectionDB):
                  the master re-applies them at every reconnect. One-off connections become saved
                  async registrations.
                </span>
              </label>
              <label className="row">
                <input
                  type="radio"
                  name={`how-${gatewayID}`}
                  checked={!save}
                  onChange={() => setSave(false)}
                />
                <span>
                  <strong>Re-apply as before, not saved</strong> (session registration / Connect):
                  lost again the next time the gateway reconnects.
                </span>
              </label>
            </fieldset>
            <div className="row">
              <button
                type="submit"
                className="btn btn-primary"
                disabled={selected.length === 0 || restore.isPending}
              >
                {save
                  ? `Re-apply and save ${selected.length} to the database`
                  : `Re-apply ${selected.length} as before`}
              </button>
              <button
                type="button"
                className="btn"
                disabled={dismiss.isPending}
                onClick={() => dismiss.mutate()}
              >
                Dismiss
              </button>
            </div>
            <ErrorAlert error={restore.error ?? dismiss.error} title="Not re-applied" showFields />
            {failed.length > 0 ? (
              <div className="alert alert-error" role="alert">
                Not re-applied:{' '}
                {failed.map((r) => `device ${r.deviceID}: ${r.error ?? 'failed'}`).join('; ')}
              </div>
            ) : null}
          </form>
        )}
      </div>
    </section>
  );
}

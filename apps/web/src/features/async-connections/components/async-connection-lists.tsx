import { useState } from 'react';
import type { AsyncConnectInfo, Store } from '@cmc/api';
import { ConfirmDialog } from '../../../ui/dialog.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { SkeletonRows } from '../../../ui/skeleton.tsx';
import { useAsyncConnections } from '../api/list-async-connections.ts';
import { useDeleteAsyncConnections } from '../api/delete-async-connections.ts';

const STORE_TEXT: Record<Store, { title: string; help: string }> = {
  session: {
    title: 'Session registrations',
    help: 'Active on the gateway now. Not stored: lost when the device gateway reconnects, unless also saved. Saved registrations appear here once applied.',
  },
  db: {
    title: 'Saved registrations (master database)',
    help: "Stored in the master's database and re-applied whenever the gateway reconnects.",
  },
};

function StoreList({
  gatewayID,
  store,
  items,
  saved,
  readOnly,
  nameOf,
}: {
  gatewayID: string;
  store: Store;
  items: AsyncConnectInfo[];
  /** Device IDs of the saved registrations (marked in the session list). */
  saved: ReadonlySet<number>;
  readOnly: boolean;
  nameOf?: ((deviceID: number) => string | undefined) | undefined;
}) {
  const remove = useDeleteAsyncConnections(gatewayID);
  const [target, setTarget] = useState<number | null>(null);
  return (
    <section className="card" aria-labelledby={`async-${store}`} data-testid={`async-${store}`}>
      <div className="card-header">
        <h2 id={`async-${store}`}>{STORE_TEXT[store].title}</h2>
        <span className={store === 'db' ? 'badge badge-info badge-plain' : 'badge badge-plain'}>
          {store === 'db' ? 'Saved' : 'Session'}
        </span>
        <span className="spacer" />
        <span className="muted">{items.length}</span>
      </div>
      <p className="muted" style={{ padding: '8px 16px 0' }}>
        {STORE_TEXT[store].help}
      </p>
      <ErrorAlert error={remove.error} title="Remove failed" />
      {items.length === 0 ? (
        <EmptyState title="None" />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Device ID</th>
              <th scope="col">Address</th>
              <th scope="col">SSL</th>
              {readOnly ? null : <th scope="col" />}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.deviceID}>
                <td>
                  <span className="mono">{item.deviceID}</span>
                  {nameOf?.(item.deviceID) ? (
                    <span className="device-name">{nameOf(item.deviceID)}</span>
                  ) : null}{' '}
                  {store === 'session' && saved.has(item.deviceID) ? (
                    <span
                      className="badge badge-info badge-plain"
                      title="Applied from the saved registration"
                    >
                      from saved
                    </span>
                  ) : null}
                </td>
                <td className="mono">
                  {item.IPAddr}:{item.port}
                </td>
                <td>{item.useSSL ? 'On' : 'Off'}</td>
                {readOnly ? null : (
                  <td style={{ textAlign: 'right' }}>
                    <button
                      className="btn btn-sm btn-danger"
                      type="button"
                      onClick={() => setTarget(item.deviceID)}
                      aria-label={`Remove ${item.deviceID} (${store})`}
                    >
                      Remove
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {target !== null ? (
        <ConfirmDialog
          title={`Remove the async registration of device ${target}?`}
          confirmLabel="Remove"
          busy={remove.isPending}
          onCancel={() => setTarget(null)}
          onConfirm={() =>
            remove.mutate({ store, deviceIDs: [target] }, { onSettled: () => setTarget(null) })
          }
        >
          <p>
            Remove device <strong>{target}</strong> from the{' '}
            {store === 'db' ? 'saved (database)' : 'session'} registrations of {gatewayID}? The
            gateway disconnects it and stops reconnecting.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

export function AsyncConnectionLists({
  gatewayID,
  readOnly,
  nameOf,
}: {
  gatewayID: string;
  readOnly: boolean;
  /** Display name of a device (device-labels), composed in by the route. */
  nameOf?: (deviceID: number) => string | undefined;
}) {
  const query = useAsyncConnections(gatewayID);
  if (query.isPending) return <SkeletonRows rows={4} />;
  if (query.isError)
    return <ErrorAlert error={query.error} title="Async connections could not be read" />;
  const saved = new Set(query.data.db.map((d) => d.deviceID));
  return (
    <div className="stack">
      {query.data.sessionError ? (
        <div className="alert alert-warn" role="status" data-testid="session-unavailable">
          The session registrations cannot be read: {query.data.sessionError}. The registrations
          saved in the master database are below; the master re-applies them when the gateway
          reconnects.
        </div>
      ) : null}
      <div className="grid-2">
        <StoreList
          gatewayID={gatewayID}
          store="session"
          items={query.data.session}
          saved={saved}
          readOnly={readOnly}
          nameOf={nameOf}
        />
        <StoreList
          gatewayID={gatewayID}
          store="db"
          items={query.data.db}
          saved={saved}
          readOnly={readOnly}
          nameOf={nameOf}
        />
      </div>
    </div>
  );
}

import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { deviceTypeLabelOfName } from '@cmc/api';
import { DeviceLabelEditor } from '../features/device-labels/components/device-label-editor.tsx';
import { changeAcceptedDevices } from '../features/accept-filter/api/set-accept-filter.ts';
import { useDevice } from '../features/devices/api/get-device.ts';
import { DeviceActions } from '../features/devices/components/device-actions.tsx';
import { DeviceSettings } from '../features/devices/components/device-settings.tsx';
import { StatusTimeline } from '../features/devices/components/status-timeline.tsx';
import { isApiError } from '../lib/api-error.ts';
import { connectionModeLabel, isConnectedStatus } from '../lib/device-status.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { SkeletonRows } from '../ui/skeleton.tsx';
import { DeviceGone } from './compose/device-gone.tsx';
import { GuidedModeChange } from './compose/guided-mode-change.tsx';
import { SslChange } from './compose/ssl-change.tsx';
import { useCurrentUser } from './use-current-user.ts';

export function Component() {
  const { deviceID: raw = '' } = useParams();
  const deviceID = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  const user = useCurrentUser();
  const query = useDevice(deviceID);
  const [modeOpen, setModeOpen] = useState(false);
  const [sslTo, setSslTo] = useState<boolean | null>(null);
  if (!Number.isInteger(deviceID) || deviceID < 1) {
    return (
      <ErrorAlert
        error={new Error(`"${raw}" is not a device ID (digits only, 1 – 4294967295).`)}
        title="Bad address"
      />
    );
  }
  if (query.isPending) return <SkeletonRows rows={8} />;
  // A refetch may fail while the device is briefly unmanaged (e.g. mid mode change): keep the last view.
  if (!query.data)
    return <ErrorAlert error={query.error} title={`Device ${deviceID} could not be loaded`} />;
  const detail = query.data;
  const d = detail.device;
  // 404 after it was shown: it left the managed list (disconnect, SSL or mode change).
  const gone = query.isError && isApiError(query.error) && query.error.status === 404;
  const connected = isConnectedStatus(d.status);
  const target = d.connectionMode === 'SERVER_TO_DEVICE' ? 'DEVICE_TO_SERVER' : 'SERVER_TO_DEVICE';
  return (
    <>
      <PageHeader
        title={d.name ? `Device ${d.deviceID} · ${d.name}` : `Device ${d.deviceID}`}
        description={`${deviceTypeLabelOfName(d.type)} on ${d.gatewayID}`}
      >
        <Link to={`/devices?gateway=${encodeURIComponent(d.gatewayID)}`}>
          ← Devices of {d.gatewayID}
        </Link>
      </PageHeader>
      {d.gatewayOffline ? (
        <div className="alert alert-warn" role="status" data-testid="gateway-offline-notice">
          Gateway {d.gatewayID} is offline (not connected to the master): this device's status is
          unknown, and what is shown is how it was last seen. When the gateway reconnects, the
          master restores only connections saved in its database.
        </div>
      ) : null}
      {gone ? (
        <DeviceGone detail={detail} />
      ) : query.isError ? (
        <ErrorAlert
          error={query.error}
          title="Showing the last known state; the device could not be re-read"
        />
      ) : null}
      <div className="grid-2">
        <section className="card" aria-labelledby="settings-title">
          <div className="card-header">
            <h2 id="settings-title">Settings</h2>
          </div>
          <div className="card-body">
            <DeviceSettings detail={detail} />
          </div>
        </section>
        {user.isAdmin ? (
          <section className="card" aria-labelledby="actions-title">
            <div className="card-header">
              <h2 id="actions-title">Actions</h2>
            </div>
            <div className="card-body stack">
              <DeviceActions
                detail={detail}
                gone={gone}
                onSslChange={setSslTo}
                removeFromFilter={(gatewayID, store, id) =>
                  changeAcceptedDevices(gatewayID, store, [], [id])
                }
              />
              <div className="stack-sm">
                <h3>Connection mode</h3>
                <p className="muted">
                  Now {connectionModeLabel(d.connectionMode)}. Changing it also updates the async
                  registration and the accept filter, as you choose.
                </p>
                <div>
                  <button
                    className="btn btn-primary"
                    type="button"
                    disabled={gone || !connected}
                    onClick={() => setModeOpen(true)}
                  >
                    Switch to {connectionModeLabel(target)}…
                  </button>
                </div>
              </div>
            </div>
          </section>
        ) : null}
      </div>
      <section className="card" aria-labelledby="label-title">
        <div className="card-header">
          <h2 id="label-title">Name and notes</h2>
        </div>
        <div className="card-body">
          <DeviceLabelEditor deviceID={d.deviceID} canEdit={user.isAdmin} />
        </div>
      </section>
      <section className="card" aria-labelledby="history-title">
        <div className="card-header">
          <h2 id="history-title">Status history, last 24 hours</h2>
        </div>
        <div className="card-body">
          <StatusTimeline deviceID={d.deviceID} />
        </div>
      </section>
      {modeOpen ? <GuidedModeChange detail={detail} onClose={() => setModeOpen(false)} /> : null}
      {sslTo !== null ? (
        <SslChange rows={[d]} enabled={sslTo} single onClose={() => setSslTo(null)} />
      ) : null}
    </>
  );
}

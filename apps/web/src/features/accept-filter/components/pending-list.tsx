import { useState } from 'react';
import { deviceTypeLabelOfName } from '@cmc/gsdk/names';
import { dateTime, timeAgo } from '../../../lib/format.ts';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { SkeletonRows } from '../../../ui/skeleton.tsx';
import { useAcceptDevice } from '../api/set-accept-filter.ts';
import { usePending } from '../api/list-pending.ts';

/** Devices that dialled in and were refused; one click adds one to the filter. */
export function PendingList({ gatewayID, readOnly }: { gatewayID: string; readOnly: boolean }) {
  const query = usePending(gatewayID);
  const accept = useAcceptDevice(gatewayID);
  // The gateway lists a device as pending until its next dial-in, so say what happened meanwhile.
  const [accepted, setAccepted] = useState<ReadonlyMap<number, string>>(new Map());
  const acceptInto = (deviceID: number, store: 'session' | 'db') =>
    accept.mutate(
      { store, deviceID },
      {
        onSuccess: () =>
          setAccepted((m) =>
            new Map(m).set(deviceID, store === 'db' ? 'saved filter' : 'session filter'),
          ),
      },
    );
  if (query.isPending) return <SkeletonRows rows={3} />;
  if (query.isError)
    return <ErrorAlert error={query.error} title="Pending devices could not be read" />;
  if (query.data.devices.length === 0)
    return (
      <EmptyState title="No pending devices">No refused device has tried to connect.</EmptyState>
    );
  return (
    <>
      <ErrorAlert error={accept.error} title="Could not accept" />
      <table className="table" aria-label="Pending devices">
        <thead>
          <tr>
            <th scope="col">Device ID</th>
            <th scope="col">Type</th>
            <th scope="col">IP address</th>
            <th scope="col">Last try</th>
            {readOnly ? null : <th scope="col" />}
          </tr>
        </thead>
        <tbody>
          {query.data.devices.map((d) => (
            <tr key={d.deviceID} data-device-id={d.deviceID}>
              <td className="mono">{d.deviceID}</td>
              <td>{deviceTypeLabelOfName(d.type)}</td>
              <td className="mono">{d.IPAddr}</td>
              <td title={dateTime(d.lastTry)}>{timeAgo(d.lastTry)}</td>
              {readOnly ? null : accepted.has(d.deviceID) ? (
                <td style={{ textAlign: 'right' }}>
                  <span className="badge badge-ok" role="status">
                    Accepted ({accepted.get(d.deviceID)}): connects at its next dial-in
                  </span>
                </td>
              ) : (
                <td style={{ textAlign: 'right' }}>
                  <div className="row" style={{ justifyContent: 'flex-end' }}>
                    <button
                      className="btn btn-sm btn-primary"
                      type="button"
                      disabled={accept.isPending}
                      onClick={() => acceptInto(d.deviceID, 'session')}
                      aria-label={`Accept ${d.deviceID}`}
                    >
                      Accept
                    </button>
                    <button
                      className="btn btn-sm"
                      type="button"
                      disabled={accept.isPending}
                      onClick={() => acceptInto(d.deviceID, 'db')}
                      aria-label={`Accept ${d.deviceID} and save`}
                    >
                      Accept &amp; save
                    </button>
                  </div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

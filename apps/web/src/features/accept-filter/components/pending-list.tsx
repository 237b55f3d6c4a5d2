import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { deviceTypeLabelOfName } from '@cmc/api';
import { dateTime, timeAgo } from '../../../lib/format.ts';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { SkeletonRows } from '../../../ui/skeleton.tsx';
import { useAcceptDevice } from '../api/set-accept-filter.ts';
import { pendingQuery, usePending } from '../api/list-pending.ts';

/** Devices that dialled in and were refused; one click adds one to the filter. */
export function PendingList({
  gatewayID,
  readOnly,
  nameOf,
}: {
  gatewayID: string;
  readOnly: boolean;
  /** Display name of a device (device-labels), composed in by the route. */
  nameOf?: (deviceID: number) => string | undefined;
}) {
  const accept = useAcceptDevice(gatewayID);
  // The gateway lists a device as pending until its next dial-in, so say what happened meanwhile.
  const [accepted, setAccepted] = useState<ReadonlyMap<number, string>>(new Map());
  const known = useQueryClient().getQueryData(pendingQuery(gatewayID).queryKey);
  const listed = (id: number) => known?.devices.some((d) => d.deviceID === id) ?? true;
  // While an accepted device is still listed, look every second: its row goes when it dials in.
  const query = usePending(
    gatewayID,
    [...accepted.keys()].some((id) => listed(id)),
  );
  const letIn = [...accepted].filter(([id]) => !listed(id));
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
  const outcome =
    letIn.length > 0 ? (
      <div className="alert alert-ok" role="status" data-testid="accepted-outcome">
        {letIn
          .map(
            ([id, store]) =>
              `Device ${id} (accepted in the ${store}) dialled in again and left the pending list.`,
          )
          .join(' ')}
      </div>
    ) : null;
  if (query.data.devices.length === 0)
    return (
      <>
        {outcome}
        <EmptyState title="No pending devices">No refused device has tried to connect.</EmptyState>
      </>
    );
  return (
    <>
      {outcome}
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
              <td>
                <span className="mono">{d.deviceID}</span>
                {nameOf?.(d.deviceID) ? (
                  <span className="device-name">{nameOf(d.deviceID)}</span>
                ) : null}
              </td>
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

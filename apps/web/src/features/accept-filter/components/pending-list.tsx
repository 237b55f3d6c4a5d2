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
  if (query.isPending) return <SkeletonRows rows={3} />;
  if (query.isError) return <ErrorAlert error={query.error} title="Pending devices could not be read" />;
  if (query.data.devices.length === 0) return <EmptyState title="No pending devices">No refused device has tried to connect.</EmptyState>;
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
              <td>{d.typeLabel}</td>
              <td className="mono">{d.IPAddr}</td>
              <td title={dateTime(d.lastTry)}>{timeAgo(d.lastTry)}</td>
              {readOnly ? null : (
                <td style={{ textAlign: 'right' }}>
                  <div className="row" style={{ justifyContent: 'flex-end' }}>
                    <button
                      className="btn btn-sm btn-primary"
                      type="button"
                      disabled={accept.isPending}
                      onClick={() => accept.mutate({ store: 'session', deviceID: d.deviceID })}
                      aria-label={`Accept ${d.deviceID}`}
                    >
                      Accept
                    </button>
                    <button
                      className="btn btn-sm"
                      type="button"
                      disabled={accept.isPending}
                      onClick={() => accept.mutate({ store: 'db', deviceID: d.deviceID })}
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

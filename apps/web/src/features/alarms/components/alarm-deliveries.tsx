import { dateTime } from '../../../lib/format.ts';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { useAlarmDeliveries } from '../api/alarm-deliveries.ts';

/** The webhook deliveries of one alarm: each event, its attempts and their outcome. */
export function AlarmDeliveries({ alarmID }: { alarmID: number }) {
  const query = useAlarmDeliveries(alarmID);
  if (query.isPending) return <p className="muted">Loading deliveries…</p>;
  if (query.isError) return <ErrorAlert error={query.error} title="Deliveries could not be read" />;
  if (query.data.deliveries.length === 0)
    return <p className="muted">No webhook deliveries: the rule notifies no webhook.</p>;
  return (
    <table className="table" aria-label={`Webhook deliveries of alarm ${alarmID}`}>
      <thead>
        <tr>
          <th scope="col">Event</th>
          <th scope="col">Webhook</th>
          <th scope="col">Outcome</th>
          <th scope="col">Attempts</th>
          <th scope="col">Last answer</th>
          <th scope="col">Queued</th>
        </tr>
      </thead>
      <tbody>
        {query.data.deliveries.map((d) => (
          <tr key={d.id} data-testid="delivery-row" data-state={d.state} data-event={d.event}>
            <td>{d.event}</td>
            <td>
              {d.webhookName} <span className="muted">{d.url}</span>
            </td>
            <td>
              {d.state === 'delivered'
                ? `Delivered ${dateTime(d.deliveredAt)}`
                : d.state === 'pending'
                  ? `Retrying at ${dateTime(d.nextAttemptAt)}`
                  : 'Failed (no more attempts)'}
            </td>
            <td>{d.attempts}</td>
            <td>{d.lastStatus !== null ? `HTTP ${d.lastStatus}` : (d.lastError ?? '—')}</td>
            <td>{dateTime(d.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { Fragment, useState } from 'react';
import { gatewayID as gatewayIDSchema, type AlarmListQuery } from '@cmc/api';
import { dateTime } from '../../../lib/format.ts';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { SelectField, TextField } from '../../../ui/field.tsx';
import { QueryView } from '../../../ui/query-view.tsx';
import { useAcknowledgeAlarm } from '../api/acknowledge-alarm.ts';
import { useAlarmEvents } from '../api/alarm-events.ts';
import { useAlarms } from '../api/list-alarms.ts';
import { AlarmDeliveries } from './alarm-deliveries.tsx';
import { AlarmStateBadge } from './alarm-state-badge.tsx';

type StateFilter = NonNullable<AlarmListQuery['state']>;
const STATES: ReadonlyArray<{ value: StateFilter; label: string }> = [
  { value: 'open', label: 'Open (active or acknowledged)' },
  { value: 'active', label: 'Active' },
  { value: 'acknowledged', label: 'Acknowledged' },
  { value: 'cleared', label: 'Cleared (history)' },
  { value: 'all', label: 'All' },
];

/** Alarms, newest first, live; admins acknowledge them and see their webhook deliveries. */
export function AlarmList({ canAcknowledge }: { canAcknowledge: boolean }) {
  const [state, setState] = useState<StateFilter>('open');
  const [gateway, setGateway] = useState('');
  const gatewayOk = gateway === '' || gatewayIDSchema.safeParse(gateway).success;
  const query = useAlarms({
    state,
    ...(gateway && gatewayOk ? { gatewayID: gateway } : {}),
  });
  const acknowledge = useAcknowledgeAlarm();
  const [open, setOpen] = useState<number | null>(null);
  useAlarmEvents();

  return (
    <section className="card" aria-labelledby="alarms-title">
      <div className="card-header">
        <h2 id="alarms-title">Alarms</h2>
      </div>
      <div className="card-body toolbar">
        <SelectField
          label="State"
          value={state}
          onChange={(v) => setState(v as StateFilter)}
          options={STATES}
        />
        <TextField
          label="Gateway"
          value={gateway}
          onChange={(e) => setGateway(e.target.value.trim())}
          error={gatewayOk ? undefined : 'must be a gateway ID (A-Z, a-z, 0-9, _ . -)'}
          placeholder="any"
        />
      </div>
      <ErrorAlert error={acknowledge.error} title="Could not acknowledge" />
      <QueryView
        query={query}
        errorTitle="Alarms could not be read"
        padSkeleton
        isEmpty={(d) => d.alarms.length === 0}
        empty={state === 'open' ? 'No open alarms' : 'No alarms'}
      >
        {(data) => (
          <div className="table-scroll">
            <table className="table" aria-label="Alarms">
              <thead>
                <tr>
                  <th scope="col">State</th>
                  <th scope="col">Alarm</th>
                  <th scope="col">Rule</th>
                  <th scope="col">Raised</th>
                  <th scope="col">Acknowledged</th>
                  <th scope="col">Cleared</th>
                  {canAcknowledge ? <th scope="col" /> : null}
                </tr>
              </thead>
              <tbody>
                {data.alarms.map((a) => (
                  <Fragment key={a.id}>
                    <tr data-testid="alarm-row" data-alarm-id={a.id} data-state={a.state}>
                      <td>
                        <AlarmStateBadge state={a.state} />
                      </td>
                      <td>{a.message}</td>
                      <td>{a.ruleName}</td>
                      <td>{dateTime(a.raisedAt)}</td>
                      <td>
                        {a.acknowledgedAt
                          ? `${a.acknowledgedBy ?? '?'}, ${dateTime(a.acknowledgedAt)}`
                          : '—'}
                      </td>
                      <td>
                        {a.clearedAt ? `${dateTime(a.clearedAt)} (${a.clearReason ?? ''})` : '—'}
                      </td>
                      {canAcknowledge ? (
                        <td className="actions">
                          {a.state === 'active' ? (
                            <button
                              className="btn btn-sm btn-primary"
                              type="button"
                              disabled={acknowledge.isPending}
                              onClick={() => acknowledge.mutate(a.id)}
                            >
                              Acknowledge
                            </button>
                          ) : null}
                          <button
                            className="btn btn-sm"
                            type="button"
                            aria-expanded={open === a.id}
                            onClick={() => setOpen(open === a.id ? null : a.id)}
                          >
                            Deliveries
                          </button>
                        </td>
                      ) : null}
                    </tr>
                    {open === a.id ? (
                      <tr>
                        <td colSpan={7}>
                          <AlarmDeliveries alarmID={a.id} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
    </section>
  );
}

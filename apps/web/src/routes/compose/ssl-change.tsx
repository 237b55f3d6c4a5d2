import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DeviceRow } from '@cmc/api';
import { asyncConnectionsQuery } from '../../features/async-connections/api/list-async-connections.ts';
import { errorMessage } from '../../lib/api-error.ts';
import { queryKeys } from '../../lib/query-keys.ts';
import { Dialog } from '../../ui/dialog.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { runSslChange } from './run-ssl-change.ts';
import {
  buildSslPlan,
  deviceKind,
  planGroups,
  resultOf,
  type DeviceKind,
  type DeviceOutcome,
} from './ssl-change-plan.ts';

const KIND_LABEL: Record<DeviceKind, string> = {
  sync: 'Sync',
  async: 'Async',
  'device-to-server': 'Device → server',
};

const TONE_CLASS = { ok: 'badge badge-ok', warn: 'badge badge-warn', bad: 'row-error' } as const;

export interface SslChangeProps {
  rows: readonly DeviceRow[];
  enabled: boolean;
  /** Title names the device when the change was started from its own page. */
  single?: boolean;
  /** Failed devices (deviceID -> reason) once it ran; null when closed without running. */
  onClose: (failures: ReadonlyMap<number, string> | null) => void;
}

/**
 * Enable / Disable SSL as a plan first (what happens to sync, async and device-to-server devices),
 * with the async registrations updated in the same run when asked, then one result per device.
 */
export function SslChange({ rows, enabled, single = false, onClose }: SslChangeProps) {
  const queryClient = useQueryClient();
  const gatewayIDs = [...new Set(rows.map((r) => r.gatewayID))];
  const lists = useQueries({ queries: gatewayIDs.map((g) => asyncConnectionsQuery(g)) });
  const listsOf = (g: string) => lists[gatewayIDs.indexOf(g)]?.data;
  const [update, setUpdate] = useState(true);
  const [step, setStep] = useState<'plan' | 'ssl' | 'registrations' | 'done'>('plan');
  const [outcomes, setOutcomes] = useState<Map<number, DeviceOutcome> | null>(null);
  const [runError, setRunError] = useState<unknown>(null);
  // The plan is fixed when it runs: live updates must not turn it into the plan for the way back.
  const [frozen, setFrozen] = useState<ReturnType<typeof buildSslPlan> | null>(null);
  const plan = frozen ?? buildSslPlan(rows, enabled, listsOf);
  const loading = lists.some((q) => q.isPending);
  const word = enabled ? 'Enable' : 'Disable';
  const on = enabled ? 'on' : 'off';
  const n = plan.targets.length;
  const running = step === 'ssl' || step === 'registrations';
  const hasAsync = plan.targets.some((t) => t.kind === 'async');

  async function run() {
    setFrozen(plan);
    setRunError(null);
    try {
      const result = await runSslChange(plan, update && hasAsync, setStep);
      setOutcomes(result);
    } catch (error) {
      setRunError(error);
    } finally {
      setStep('done');
      void queryClient.invalidateQueries({ queryKey: queryKeys.devices });
      for (const g of gatewayIDs)
        void queryClient.invalidateQueries({ queryKey: queryKeys.gatewayConfig(g) });
    }
  }

  function close() {
    if (running) return;
    if (step !== 'done') return onClose(null);
    const failures = new Map<number, string>();
    for (const t of plan.targets) {
      const o = outcomes?.get(t.row.deviceID);
      if (!o) failures.set(t.row.deviceID, runError ? errorMessage(runError) : 'not run');
      else if (!o.ssl.ok) failures.set(t.row.deviceID, o.ssl.message);
    }
    onClose(failures);
  }

  const title =
    single && rows[0]
      ? `${word} SSL on device ${rows[0].deviceID}`
      : `${word} SSL on ${rows.length} device${rows.length === 1 ? '' : 's'}`;

  return (
    <Dialog
      title={title}
      onClose={close}
      actions={
        <>
          <button className="btn" type="button" data-dismiss disabled={running} onClick={close}>
            {step === 'done' ? 'Close' : 'Cancel'}
          </button>
          {step === 'done' ? null : (
            <button
              className="btn btn-primary"
              type="button"
              disabled={running || loading || n === 0}
              onClick={() => void run()}
            >
              {running
                ? step === 'registrations'
                  ? 'Updating registrations…'
                  : `${word.replace(/e$/, '')}ing SSL…`
                : `${word} SSL on ${n} device${n === 1 ? '' : 's'}`}
            </button>
          )}
        </>
      }
    >
      {step === 'done' ? (
        <>
          <ErrorAlert error={runError} title="The change did not finish" />
          <table className="table" data-testid="ssl-results" aria-label="Result per device">
            <thead>
              <tr>
                <th scope="col">Device</th>
                <th scope="col">Connected</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {plan.targets.map((t) => {
                const o = outcomes?.get(t.row.deviceID);
                const r = o
                  ? resultOf(t, enabled, o)
                  : { tone: 'bad' as const, text: 'Not run: the change stopped before it.' };
                return (
                  <tr key={t.row.deviceID} data-device-id={t.row.deviceID}>
                    <td className="mono">{t.row.deviceID}</td>
                    <td>{KIND_LABEL[t.kind]}</td>
                    <td className="result">
                      <span className={TONE_CLASS[r.tone]}>{r.text}</span>
                    </td>
                  </tr>
                );
              })}
              {plan.skipped.map((s) => (
                <tr key={s.row.deviceID} data-device-id={s.row.deviceID}>
                  <td className="mono">{s.row.deviceID}</td>
                  <td>{KIND_LABEL[deviceKind(s.row)]}</td>
                  <td className="result">
                    <span className="muted">Skipped: {s.reason}.</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <div className="stack-sm" data-testid="ssl-plan">
          <p>
            The gateway switches SSL {on} in each device (TLS 1.2 between gateway and device). The
            device restarts its connection, and every later connect must use SSL {on}.
          </p>
          {loading ? <p className="muted">Reading the async registrations…</p> : null}
          {lists.map((q, i) =>
            q.isError ? (
              <ErrorAlert
                key={gatewayIDs[i]}
                error={q.error}
                title={`Registrations of ${gatewayIDs[i]} could not be read`}
              />
            ) : null,
          )}
          <ul className="plan">
            {planGroups(plan, update).map((g) => (
              <li key={g.kind} data-testid={`plan-${g.kind}`}>
                <strong>{g.devices}</strong> — {g.text}
              </li>
            ))}
            {plan.skipped.length > 0 ? (
              <li data-testid="plan-skipped">
                Left alone: {plan.skipped.map((s) => `${s.row.deviceID} (${s.reason})`).join('; ')}
              </li>
            ) : null}
          </ul>
          {hasAsync ? (
            <label className="check">
              <input
                type="checkbox"
                checked={update}
                disabled={running}
                onChange={(e) => setUpdate(e.target.checked)}
              />
              Update their async registrations to SSL {on} in the same run
            </label>
          ) : null}
          {running ? (
            <p role="status">
              {step === 'ssl' ? `Switching SSL ${on}…` : 'Updating the async registrations…'}
            </p>
          ) : null}
        </div>
      )}
    </Dialog>
  );
}

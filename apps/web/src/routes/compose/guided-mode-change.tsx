import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ipv4, port as portSchema, type DeviceDetail, type Store } from '@cmc/api';
import { addAsyncConnections } from '../../features/async-connections/api/add-async-connections.ts';
import { deleteAsyncConnections } from '../../features/async-connections/api/delete-async-connections.ts';
import { changeAcceptedDevices } from '../../features/accept-filter/api/set-accept-filter.ts';
import { connectDevice } from '../../features/connect/api/connect-device.ts';
import { setConnectionMode } from '../../features/devices/api/set-connection-mode.ts';
import { errorMessage } from '../../lib/api-error.ts';
import { queryKeys } from '../../lib/query-keys.ts';
import { numberOrText } from '../../lib/zod-fields.ts';
import { Dialog } from '../../ui/dialog.tsx';
import { TextField } from '../../ui/field.tsx';
import {
  buildPlan,
  defaultChoices,
  type ModeChangeChoices,
  type Step,
} from './mode-change-plan.ts';

type StepState = 'waiting' | 'running' | 'done' | { error: string };

async function runStep(detail: DeviceDetail, step: Step): Promise<void> {
  const { gatewayID, deviceID } = detail.device;
  switch (step.kind) {
    case 'set-mode': {
      const result = await setConnectionMode(gatewayID, [deviceID], step.mode);
      const own = result.results.find((r) => r.deviceID === deviceID);
      if (own && !own.ok) throw new Error(own.message ?? 'the gateway refused the mode change');
      return;
    }
    case 'remove-async':
      await deleteAsyncConnections(gatewayID, step.store, [deviceID]);
      return;
    case 'accept':
      await changeAcceptedDevices(gatewayID, step.store, [deviceID]);
      return;
    case 'unaccept':
      await changeAcceptedDevices(gatewayID, step.store, [], [deviceID]);
      return;
    case 'connect':
      await connectDevice(gatewayID, { IPAddr: step.IPAddr, port: step.port, useSSL: step.useSSL });
      return;
    case 'add-async':
      await addAsyncConnections(gatewayID, step.store, [
        { deviceID, IPAddr: step.IPAddr, port: step.port, useSSL: step.useSSL },
      ]);
      return;
  }
}

function StoreChecks({
  legend,
  available,
  value,
  onChange,
}: {
  legend: string;
  available: Store[];
  value: Store[];
  onChange: (v: Store[]) => void;
}) {
  if (available.length === 0) return null;
  return (
    <fieldset className="stack-sm" style={{ border: 0, padding: 0, margin: 0 }}>
      <legend className="field-label">{legend}</legend>
      {available.map((s) => (
        <label key={s} className="check">
          <input
            type="checkbox"
            checked={value.includes(s)}
            onChange={(e) =>
              onChange(e.target.checked ? [...value, s] : value.filter((x) => x !== s))
            }
          />
          {s === 'db' ? 'Saved (database)' : 'Session'}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Switching the connection mode the way the G-SDK describes it: the device's registration and the
 * gateway's accept filter are changed in the same step, and the user sees every step before it runs.
 */
export function GuidedModeChange({
  detail: opened,
  onClose,
}: {
  detail: DeviceDetail;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  // The plan is made against the device as it was when the dialog opened; live updates while the
  // steps run must not turn it into the plan for the way back.
  const [detail] = useState(opened);
  const [choices, setChoices] = useState<ModeChangeChoices>(() => defaultChoices(detail));
  const [portText, setPortText] = useState(String(choices.port));
  const [states, setStates] = useState<StepState[] | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const toServer = detail.device.connectionMode === 'SERVER_TO_DEVICE';
  const plan = buildPlan(detail, choices);
  const running = states?.includes('running') ?? false;
  const finished = states !== null && !running;

  async function run() {
    if (!toServer && choices.reconnect !== 'none') {
      const errors: Record<string, string> = {};
      const ip = ipv4.safeParse(choices.IPAddr);
      if (!ip.success) errors['IPAddr'] = ip.error.issues[0]?.message ?? 'invalid';
      const p = portSchema.safeParse(numberOrText(portText));
      if (!p.success) errors['port'] = p.error.issues[0]?.message ?? 'invalid';
      setFieldErrors(errors);
      if (Object.keys(errors).length > 0) return;
    }
    const next: StepState[] = plan.map(() => 'waiting');
    setStates([...next]);
    for (const [i, step] of plan.entries()) {
      next[i] = 'running';
      setStates([...next]);
      try {
        await runStep(detail, step);
        next[i] = 'done';
      } catch (error) {
        // Later steps assume the earlier ones happened: stop at the first failure.
        next[i] = { error: errorMessage(error) };
        setStates([...next]);
        break;
      }
      setStates([...next]);
    }
    void queryClient.invalidateQueries({ queryKey: queryKeys.devices });
    void queryClient.invalidateQueries({
      queryKey: queryKeys.gatewayConfig(detail.device.gatewayID),
    });
  }

  const registered = (['session', 'db'] as const).filter((s) => detail.asyncConnection[s] !== null);
  const accepted = (['session', 'db'] as const).filter((s) => detail.acceptedByFilter[s]);

  return (
    <Dialog
      title={`Change the connection mode of device ${detail.device.deviceID}`}
      onClose={running ? () => undefined : onClose}
      actions={
        <>
          <button className="btn" type="button" data-dismiss disabled={running} onClick={onClose}>
            {finished ? 'Close' : 'Cancel'}
          </button>
          {finished ? null : (
            <button
              className="btn btn-primary"
              type="button"
              disabled={running}
              onClick={() => void run()}
            >
              {running ? 'Running…' : `Run ${plan.length} step${plan.length === 1 ? '' : 's'}`}
            </button>
          )}
        </>
      }
    >
      {states === null ? (
        toServer ? (
          <>
            <StoreChecks
              legend="Remove its async registration"
              available={registered}
              value={choices.removeAsync}
              onChange={(v) => setChoices({ ...choices, removeAsync: v })}
            />
            <fieldset className="stack-sm" style={{ border: 0, padding: 0, margin: 0 }}>
              <legend className="field-label">
                Add it to the accept filter so its dial-in is accepted
              </legend>
              {(['session', 'db', null] as const).map((s) => (
                <label key={String(s)} className="check">
                  <input
                    type="radio"
                    name="accept-store"
                    checked={choices.acceptFilter === s}
                    onChange={() => setChoices({ ...choices, acceptFilter: s })}
                  />
                  {s === 'session'
                    ? 'Session filter'
                    : s === 'db'
                      ? 'Saved filter (database)'
                      : 'Do not change the filter'}
                </label>
              ))}
            </fieldset>
          </>
        ) : (
          <>
            <StoreChecks
              legend="Remove it from the accept filter"
              available={accepted}
              value={choices.removeFromFilter}
              onChange={(v) => setChoices({ ...choices, removeFromFilter: v })}
            />
            <fieldset className="stack-sm" style={{ border: 0, padding: 0, margin: 0 }}>
              <legend className="field-label">Connect to it again</legend>
              {(
                [
                  ['async-session', 'Async connection (session)'],
                  ['async-db', 'Async connection (saved in database)'],
                  ['connect', 'Connect now (synchronous, no retry)'],
                  ['none', 'Do not connect'],
                ] as const
              ).map(([value, label]) => (
                <label key={value} className="check">
                  <input
                    type="radio"
                    name="reconnect"
                    checked={choices.reconnect === value}
                    onChange={() => setChoices({ ...choices, reconnect: value })}
                  />
                  {label}
                </label>
              ))}
            </fieldset>
            {choices.reconnect !== 'none' ? (
              <div className="toolbar">
                <TextField
                  label="IP address"
                  value={choices.IPAddr}
                  onChange={(e) => setChoices({ ...choices, IPAddr: e.target.value.trim() })}
                  error={fieldErrors['IPAddr']}
                />
                <TextField
                  label="Port"
                  inputMode="numeric"
                  value={portText}
                  onChange={(e) => {
                    setPortText(e.target.value);
                    const n = numberOrText(e.target.value);
                    if (typeof n === 'number') setChoices({ ...choices, port: n });
                  }}
                  error={fieldErrors['port']}
                />
              </div>
            ) : null}
          </>
        )
      ) : null}
      <div>
        <h3>{states === null ? 'What will be done' : 'Progress'}</h3>
        <ol className="plan" data-testid="mode-plan">
          {plan.map((step, i) => {
            const state = states?.[i];
            return (
              <li key={`${step.kind}-${i}`}>
                {step.text}{' '}
                {state === 'running' ? <span className="badge badge-info">running</span> : null}
                {state === 'done' ? <span className="badge badge-ok">done</span> : null}
                {typeof state === 'object' ? (
                  <span className="row-error">failed: {state.error}</span>
                ) : null}
              </li>
            );
          })}
        </ol>
      </div>
    </Dialog>
  );
}

import { useState, type FormEvent } from 'react';
import {
  alertRuleInput,
  FAILURE_CAUSES,
  type AlertCondition,
  type AlertConditionKind,
  type AlertScope,
} from '@cmc/api';
import { isApiError } from '../../../lib/api-error.ts';
import { numberOrText, validate } from '../../../lib/zod-fields.ts';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { SelectField, TextField } from '../../../ui/field.tsx';
import { useCreateRule } from '../api/create-rule.ts';
import { useWebhooks } from '../api/list-webhooks.ts';

const KINDS: ReadonlyArray<{ value: AlertConditionKind; label: string }> = [
  { value: 'device-offline', label: 'Device not connected for longer than…' },
  { value: 'gateway-offline', label: 'Gateway offline for longer than…' },
  { value: 'device-flapping', label: 'Device flapping (drops within minutes)' },
  { value: 'device-failure', label: 'Device failing with a cause' },
];
const SCOPES: ReadonlyArray<{ value: AlertScope['kind']; label: string }> = [
  { value: 'all', label: 'Every device / gateway' },
  { value: 'tenant', label: 'Of a tenant' },
  { value: 'gateway', label: 'Of a gateway' },
  { value: 'device', label: 'One device' },
];

/** The form's text → the API's shapes; the schema then names whatever is wrong. */
function conditionOf(kind: AlertConditionKind, f: Record<string, string>): unknown {
  if (kind === 'device-failure') return { kind, cause: f['cause'] };
  if (kind === 'device-flapping')
    return {
      kind,
      drops: numberOrText(f['drops'] ?? ''),
      minutes: numberOrText(f['minutes'] ?? ''),
    };
  return { kind, seconds: numberOrText(f['seconds'] ?? '') };
}
function scopeOf(kind: AlertScope['kind'], value: string): unknown {
  if (kind === 'all') return { kind };
  if (kind === 'device') return { kind, deviceID: numberOrText(value) };
  return kind === 'tenant' ? { kind, tenantID: value.trim() } : { kind, gatewayID: value.trim() };
}

export function RuleForm() {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<AlertConditionKind>('device-offline');
  const [fields, setFields] = useState<Record<string, string>>({
    seconds: '60',
    drops: '3',
    minutes: '10',
    cause: 'TLS_CANNOT_CONNECT',
  });
  const [scopeKind, setScopeKind] = useState<AlertScope['kind']>('all');
  const [scopeValue, setScopeValue] = useState('');
  const [hooks, setHooks] = useState<number[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const webhooks = useWebhooks();
  const create = useCreateRule();
  const server = isApiError(create.error) ? create.error.fieldErrors : {};
  const err = (key: string) => errors[key] ?? server[key];
  const setField = (key: string, value: string) => setFields((f) => ({ ...f, [key]: value }));

  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = validate(alertRuleInput, {
      name,
      condition: conditionOf(kind, fields) as AlertCondition,
      scope: scopeOf(scopeKind, scopeValue) as AlertScope,
      webhookIDs: hooks,
    });
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    create.mutate(parsed.value, { onSuccess: () => setName('') });
  }

  return (
    <form className="stack-sm" onSubmit={submit} noValidate aria-label="Add an alert rule">
      <div className="toolbar">
        <TextField
          label="Rule name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={err('name')}
        />
        <SelectField
          label="Condition"
          value={kind}
          onChange={(v) => setKind(v as AlertConditionKind)}
          options={KINDS}
        />
        {kind === 'device-offline' || kind === 'gateway-offline' ? (
          <TextField
            label="Seconds"
            inputMode="numeric"
            value={fields['seconds']}
            onChange={(e) => setField('seconds', e.target.value)}
            error={err('condition.seconds')}
          />
        ) : kind === 'device-flapping' ? (
          <>
            <TextField
              label="Drops"
              inputMode="numeric"
              value={fields['drops']}
              onChange={(e) => setField('drops', e.target.value)}
              error={err('condition.drops')}
            />
            <TextField
              label="Within minutes"
              inputMode="numeric"
              value={fields['minutes']}
              onChange={(e) => setField('minutes', e.target.value)}
              error={err('condition.minutes')}
            />
          </>
        ) : (
          <SelectField
            label="Cause"
            value={fields['cause'] ?? ''}
            onChange={(v) => setField('cause', v)}
            options={FAILURE_CAUSES.map((c) => ({ value: c, label: c }))}
          />
        )}
      </div>
      <div className="toolbar">
        <SelectField
          label="Watch"
          value={scopeKind}
          onChange={(v) => setScopeKind(v as AlertScope['kind'])}
          options={SCOPES}
        />
        {scopeKind === 'all' ? null : (
          <TextField
            label={
              scopeKind === 'device'
                ? 'Device ID'
                : scopeKind === 'tenant'
                  ? 'Tenant ID'
                  : 'Gateway ID'
            }
            value={scopeValue}
            onChange={(e) => setScopeValue(e.target.value)}
            error={
              err('scope') ??
              err('scope.deviceID') ??
              err('scope.tenantID') ??
              err('scope.gatewayID')
            }
          />
        )}
      </div>
      {webhooks.data && webhooks.data.webhooks.length > 0 ? (
        <fieldset className="stack-sm">
          <legend>Notify webhooks</legend>
          {webhooks.data.webhooks.map((w) => (
            <label key={w.id} className="checkbox">
              <input
                type="checkbox"
                checked={hooks.includes(w.id)}
                onChange={(e) =>
                  setHooks((h) => (e.target.checked ? [...h, w.id] : h.filter((id) => id !== w.id)))
                }
              />{' '}
              {w.name}
            </label>
          ))}
          {err('webhookIDs') ? <span className="field-error">{err('webhookIDs')}</span> : null}
        </fieldset>
      ) : null}
      <div>
        <button className="btn btn-primary" type="submit" disabled={create.isPending}>
          Add rule
        </button>
      </div>
      <ErrorAlert error={create.error} title="Could not add the rule" />
    </form>
  );
}

import { useId, useState, type FormEvent } from 'react';
import type { AcceptFilter, Store } from '@cmc/api';
import { isApiError } from '../../../lib/api-error.ts';
import { Dialog } from '../../../ui/dialog.tsx';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { SkeletonRows } from '../../../ui/skeleton.tsx';
import { useAcceptFilter } from '../api/get-accept-filter.ts';
import { useSetAcceptFilter } from '../api/set-accept-filter.ts';
import { diffFilter, draftOf, parseDraft, type FilterDraft } from '../filter-draft.ts';
import { FilterPreview } from './filter-preview.tsx';

function ListField({
  label,
  value,
  onChange,
  error,
  hint,
  readOnly,
  disabled,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  hint: string;
  readOnly: boolean;
  /** Ignored by the gateway (all devices allowed): shown greyed out, kept for unticking. */
  disabled: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="textarea"
        rows={5}
        value={value}
        readOnly={readOnly}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-msg`}
      />
      <span id={`${id}-msg`} className={error ? 'field-error' : 'field-hint'}>
        {error ?? (disabled ? 'Not used while all devices are allowed' : hint)}
      </span>
    </div>
  );
}

type SaveMutation = ReturnType<typeof useSetAcceptFilter>;

function StoreEditor({
  gatewayID,
  store,
  current,
  readOnly,
  save,
}: {
  gatewayID: string;
  store: Store;
  current: AcceptFilter;
  readOnly: boolean;
  save: SaveMutation;
}) {
  const [draft, setDraft] = useState<FilterDraft>(() => draftOf(current));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<AcceptFilter | null>(null);
  const server = isApiError(save.error) ? save.error.fieldErrors : {};
  const fieldError = (name: string) =>
    errors[name] ??
    Object.entries(server).find(
      ([path]) => path === `filter.${name}` || path.startsWith(`filter.${name}.`),
    )?.[1];

  function review(e: FormEvent) {
    e.preventDefault();
    const parsed = parseDraft(draft);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    setPreview(parsed.filter);
  }
  const change = preview ? diffFilter(current, preview) : null;

  return (
    <form
      onSubmit={review}
      noValidate
      className="stack"
      aria-label={`${store === 'db' ? 'Saved' : 'Session'} accept filter`}
    >
      <label className="check">
        <input
          type="checkbox"
          checked={draft.allowAll}
          disabled={readOnly}
          onChange={(e) => setDraft({ ...draft, allowAll: e.target.checked })}
        />
        Allow all devices to connect
      </label>
      <div
        className="grid-2"
        style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))' }}
      >
        <ListField
          label="Device IDs"
          value={draft.deviceIDs}
          readOnly={readOnly}
          disabled={draft.allowAll}
          onChange={(v) => setDraft({ ...draft, deviceIDs: v })}
          error={fieldError('deviceIDs')}
          hint="One per line"
        />
        <ListField
          label="IP addresses"
          value={draft.IPAddrs}
          readOnly={readOnly}
          disabled={draft.allowAll}
          onChange={(v) => setDraft({ ...draft, IPAddrs: v })}
          error={fieldError('IPAddrs')}
          hint="Stored, but not yet enforced by the G-SDK"
        />
        <ListField
          label="Subnet masks"
          value={draft.subnetMasks}
          readOnly={readOnly}
          disabled={draft.allowAll}
          onChange={(v) => setDraft({ ...draft, subnetMasks: v })}
          error={fieldError('subnetMasks')}
          hint="e.g. 255.255.255.0; not yet enforced"
        />
      </div>
      {readOnly ? null : (
        <div className="row">
          <button className="btn btn-primary" type="submit">
            Review changes…
          </button>
          <button className="btn" type="button" onClick={() => setDraft(draftOf(current))}>
            Reset
          </button>
          {save.isSuccess && save.variables.store === store ? (
            <span className="badge badge-ok" role="status">
              Saved to {store === 'db' ? 'the master database' : 'the gateway'}
            </span>
          ) : null}
        </div>
      )}
      <ErrorAlert error={save.error} title="Could not save the filter" />
      {preview && change ? (
        <Dialog
          title={
            store === 'db'
              ? `Save this accept filter of ${gatewayID} to the master database?`
              : `Apply this accept filter to ${gatewayID} now?`
          }
          onClose={() => setPreview(null)}
          actions={
            <>
              <button className="btn" type="button" data-dismiss onClick={() => setPreview(null)}>
                Back to editing
              </button>
              <button
                className="btn btn-primary"
                type="button"
                disabled={change.none || save.isPending}
                onClick={() =>
                  save.mutate({ store, filter: preview }, { onSuccess: () => setPreview(null) })
                }
              >
                {save.isPending
                  ? 'Saving…'
                  : store === 'db'
                    ? 'Save to database'
                    : 'Apply to gateway'}
              </button>
            </>
          }
        >
          <FilterPreview change={change} />
        </Dialog>
      ) : null}
    </form>
  );
}

export function AcceptFilterEditor({
  gatewayID,
  readOnly,
}: {
  gatewayID: string;
  readOnly: boolean;
}) {
  const [store, setStore] = useState<Store>('session');
  const query = useAcceptFilter(gatewayID);
  const save = useSetAcceptFilter(gatewayID);
  if (query.isPending) return <SkeletonRows rows={5} />;
  if (query.isError)
    return <ErrorAlert error={query.error} title="Accept filter could not be read" />;
  return (
    <div className="stack">
      <div className="tabs" role="tablist" aria-label="Filter store">
        {(['session', 'db'] as const).map((s) => (
          <button
            key={s}
            className="tab"
            type="button"
            role="tab"
            aria-selected={store === s}
            onClick={() => setStore(s)}
          >
            {s === 'session' ? 'Session (lost on gateway reconnect)' : 'Saved in master database'}
          </button>
        ))}
      </div>
      {/* Keyed by the stored filter: when it changes (a save, a pending device accepted) the form starts from it. */}
      <StoreEditor
        key={`${gatewayID}-${store}-${JSON.stringify(query.data[store])}`}
        gatewayID={gatewayID}
        store={store}
        current={query.data[store]}
        readOnly={readOnly}
        save={save}
      />
    </div>
  );
}

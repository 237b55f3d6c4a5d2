import { useEffect, useId, useState, type FormEvent } from 'react';
import { setDeviceLabelRequest, type DeviceLabel } from '@cmc/api';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { validate } from '../../../lib/zod-fields.ts';
import { TextField } from '../../../ui/field.tsx';
import { useDeleteDeviceLabel } from '../api/delete-device-label.ts';
import { useDeviceLabels } from '../api/list-device-labels.ts';
import { useSetDeviceLabel } from '../api/set-device-label.ts';

/**
 * Name and notes of one device: a form for administrators, plain text for everyone else. Checked
 * with the same schema the server uses, so a bad name is named before it is sent.
 */
export function DeviceLabelEditor({ deviceID, canEdit }: { deviceID: number; canEdit: boolean }) {
  const query = useDeviceLabels([deviceID]);
  const label = query.data?.get(deviceID);
  if (!canEdit) return <LabelText label={label} loading={query.isPending} />;
  if (query.isPending) return <p className="muted">Loading…</p>;
  // The form starts from the stored label once it is read, and keeps what is typed afterwards.
  return <LabelForm key={deviceID} deviceID={deviceID} label={label} />;
}

function LabelText({ label, loading }: { label: DeviceLabel | undefined; loading: boolean }) {
  if (loading) return <p className="muted">Loading…</p>;
  if (!label) return <p className="muted">No name or notes.</p>;
  return (
    <dl className="stack-sm">
      <dt className="muted">Name</dt>
      <dd>{label.name}</dd>
      {label.notes ? (
        <>
          <dt className="muted">Notes</dt>
          <dd className="device-notes">{label.notes}</dd>
        </>
      ) : null}
    </dl>
  );
}

function LabelForm({ deviceID, label }: { deviceID: number; label: DeviceLabel | undefined }) {
  const save = useSetDeviceLabel(deviceID);
  const remove = useDeleteDeviceLabel(deviceID);
  const notesId = useId();
  const [name, setName] = useState(label?.name ?? '');
  const [notes, setNotes] = useState(label?.notes ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => setSaved(null), [name, notes]);

  const server = isApiError(save.error) ? save.error.fieldErrors : {};
  const fieldError = (field: string) => errors[field] ?? server[field];
  const otherError =
    save.error && !server.name && !server.notes
      ? errorMessage(save.error)
      : remove.error
        ? errorMessage(remove.error)
        : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validate(setDeviceLabelRequest, { name, notes });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    save.mutate(checked.value, { onSuccess: () => setSaved('Saved') });
  }

  return (
    <form className="stack" aria-label="Name and notes" onSubmit={submit} noValidate>
      <TextField
        label="Name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fieldError('name')}
        hint="Up to 64 characters; shown beside the device ID everywhere."
        autoComplete="off"
      />
      <div className="field">
        <label htmlFor={notesId}>Notes</label>
        <textarea
          id={notesId}
          className="input device-notes-input"
          rows={3}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          aria-invalid={fieldError('notes') ? true : undefined}
          aria-describedby={fieldError('notes') ? `${notesId}-error` : undefined}
        />
        {fieldError('notes') ? (
          <span id={`${notesId}-error`} className="field-error">
            {fieldError('notes')}
          </span>
        ) : null}
      </div>
      {otherError ? (
        <div className="row-error" role="alert">
          {otherError}
        </div>
      ) : null}
      <div className="row">
        <button className="btn btn-primary" type="submit" disabled={save.isPending}>
          Save name
        </button>
        {label ? (
          <button
            className="btn"
            type="button"
            disabled={remove.isPending}
            onClick={() =>
              remove.mutate(undefined, {
                onSuccess: () => {
                  setName('');
                  setNotes('');
                },
              })
            }
          >
            Remove name
          </button>
        ) : null}
        {saved ? (
          <span className="badge badge-ok badge-plain" role="status">
            {saved}
          </span>
        ) : null}
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { slaveDeviceInfo, type SlaveDeviceInfo, type Store } from '@cmc/api';
import { isApiError } from '../../../lib/api-error.ts';
import { numberOrText, validate } from '../../../lib/zod-fields.ts';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { TextField } from '../../../ui/field.tsx';
import { SkeletonRows } from '../../../ui/skeleton.tsx';
import { useSlaves } from '../api/get-slaves.ts';
import { useDeleteSavedSlaves, useSaveSlaves } from '../api/save-slaves.ts';

const ids = (text: string) =>
  text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(numberOrText);

function SlaveForm({
  gatewayID,
  store,
  initial,
  onDone,
}: {
  gatewayID: string;
  store: Store;
  initial: SlaveDeviceInfo | null;
  onDone: () => void;
}) {
  const [parent, setParent] = useState(initial ? String(initial.deviceID) : '');
  const [rs485, setRs485] = useState(initial?.rs485SlaveDeviceIDs.join(', ') ?? '');
  const [wiegand, setWiegand] = useState(initial?.wiegandSlaveDeviceIDs.join(', ') ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSaveSlaves(gatewayID);
  const server = isApiError(save.error) ? save.error.fieldErrors : {};
  const err = (name: string) =>
    errors[name] ??
    Object.entries(server).find(([p]) => p.startsWith(`slaveDeviceInfos.0.${name}`))?.[1];

  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = validate(slaveDeviceInfo, {
      deviceID: numberOrText(parent),
      rs485SlaveDeviceIDs: ids(rs485),
      wiegandSlaveDeviceIDs: ids(wiegand),
    });
    if (!parsed.ok) {
      // "rs485SlaveDeviceIDs.2" -> the field, naming the bad entry's position.
      const byField: Record<string, string> = {};
      for (const [path, message] of Object.entries(parsed.errors)) {
        const [field, index] = path.split('.');
        if (field && !byField[field])
          byField[field] = index !== undefined ? `entry ${Number(index) + 1} ${message}` : message;
      }
      return setErrors(byField);
    }
    setErrors({});
    save.mutate({ store, infos: [parsed.value] }, { onSuccess: onDone });
  }

  return (
    <form onSubmit={submit} noValidate className="stack-sm" aria-label="Edit slave devices">
      <div className="toolbar">
        <TextField
          label="Parent device ID"
          inputMode="numeric"
          value={parent}
          readOnly={initial !== null}
          onChange={(e) => setParent(e.target.value)}
          error={err('deviceID')}
        />
        <TextField
          label="RS-485 slave IDs"
          value={rs485}
          onChange={(e) => setRs485(e.target.value)}
          error={err('rs485SlaveDeviceIDs')}
          hint="Comma separated"
        />
        <TextField
          label="Wiegand slave IDs"
          value={wiegand}
          onChange={(e) => setWiegand(e.target.value)}
          error={err('wiegandSlaveDeviceIDs')}
          hint="Comma separated"
        />
      </div>
      <div className="row">
        <button className="btn btn-primary" type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : store === 'db' ? 'Save to database' : 'Apply to gateway'}
        </button>
        <button className="btn" type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <ErrorAlert error={save.error} title="Could not save" />
    </form>
  );
}

function StoreTable({
  gatewayID,
  store,
  items,
  readOnly,
}: {
  gatewayID: string;
  store: Store;
  items: SlaveDeviceInfo[];
  readOnly: boolean;
}) {
  const [editing, setEditing] = useState<SlaveDeviceInfo | 'new' | null>(null);
  const remove = useDeleteSavedSlaves(gatewayID);
  return (
    <section className="card" aria-labelledby={`slaves-${store}`}>
      <div className="card-header">
        <h2 id={`slaves-${store}`}>
          {store === 'db' ? 'Saved in master database' : 'Session (on the gateway now)'}
        </h2>
        <span className="spacer" />
        {readOnly ? null : (
          <button className="btn btn-sm" type="button" onClick={() => setEditing('new')}>
            Add parent device
          </button>
        )}
      </div>
      {editing ? (
        <div className="card-body">
          <SlaveForm
            gatewayID={gatewayID}
            store={store}
            initial={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        </div>
      ) : null}
      <ErrorAlert error={remove.error} title="Could not delete" />
      {items.length === 0 ? (
        <EmptyState title="No slave devices" />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Parent device</th>
              <th scope="col">RS-485 slaves</th>
              <th scope="col">Wiegand slaves</th>
              {readOnly ? null : <th scope="col" />}
            </tr>
          </thead>
          <tbody>
            {items.map((info) => (
              <tr key={info.deviceID}>
                <td className="mono">{info.deviceID}</td>
                <td className="mono">{info.rs485SlaveDeviceIDs.join(', ') || '—'}</td>
                <td className="mono">{info.wiegandSlaveDeviceIDs.join(', ') || '—'}</td>
                {readOnly ? null : (
                  <td style={{ textAlign: 'right' }}>
                    <div className="row" style={{ justifyContent: 'flex-end' }}>
                      <button
                        className="btn btn-sm"
                        type="button"
                        onClick={() => setEditing(info)}
                        aria-label={`Edit slaves of ${info.deviceID}`}
                      >
                        Edit
                      </button>
                      {store === 'db' ? (
                        <button
                          className="btn btn-sm btn-danger"
                          type="button"
                          disabled={remove.isPending}
                          onClick={() => remove.mutate([info.deviceID])}
                          aria-label={`Delete saved slaves of ${info.deviceID}`}
                        >
                          Delete
                        </button>
                      ) : null}
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function SlaveEditor({ gatewayID, readOnly }: { gatewayID: string; readOnly: boolean }) {
  const query = useSlaves(gatewayID);
  if (query.isPending) return <SkeletonRows rows={3} />;
  if (query.isError)
    return <ErrorAlert error={query.error} title="Slave devices could not be read" />;
  return (
    <div className="grid-2">
      <StoreTable
        gatewayID={gatewayID}
        store="session"
        items={query.data.session}
        readOnly={readOnly}
      />
      <StoreTable gatewayID={gatewayID} store="db" items={query.data.db} readOnly={readOnly} />
    </div>
  );
}

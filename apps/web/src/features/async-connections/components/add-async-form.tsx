import { useState, type FormEvent } from 'react';
import { asyncConnectInfo, type Store } from '@cmc/api';
import { isApiError } from '../../../lib/api-error.ts';
import { numberOrText, validate } from '../../../lib/zod-fields.ts';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { TextField } from '../../../ui/field.tsx';
import { useAddAsyncConnections } from '../api/add-async-connections.ts';
import { useAsyncConnections } from '../api/list-async-connections.ts';

export function AddAsyncForm({ gatewayID }: { gatewayID: string }) {
  const [deviceID, setDeviceID] = useState('');
  const [ip, setIp] = useState('');
  const [port, setPort] = useState('51211');
  const [ssl, setSsl] = useState(false);
  const [store, setStore] = useState<Store>('session');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useAddAsyncConnections(gatewayID);
  const lists = useAsyncConnections(gatewayID);
  const [added, setAdded] = useState<{ deviceID: number; store: Store } | null>(null);
  // "Registered" stays only while the registration does: a remove below takes the message with it.
  const stillListed =
    added !== null &&
    (lists.isFetching ||
      (lists.data?.[added.store].some((i) => i.deviceID === added.deviceID) ?? true));

  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = validate(asyncConnectInfo, {
      deviceID: numberOrText(deviceID),
      IPAddr: ip.trim(),
      port: numberOrText(port),
      useSSL: ssl,
    });
    // A new attempt replaces the last result: no old server error under new field errors.
    add.reset();
    setAdded(null);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    const info = parsed.value;
    add.mutate(
      { store, connectInfos: [info] },
      {
        onSuccess: () => {
          setAdded({ deviceID: info.deviceID, store });
          setDeviceID('');
          setIp('');
        },
      },
    );
  }
  const server = isApiError(add.error) ? add.error.fieldErrors : {};
  const fieldError = (name: string) => errors[name] ?? server[`connectInfos.0.${name}`];

  return (
    <form onSubmit={submit} noValidate className="stack-sm" aria-label="Add async connection">
      <div className="toolbar">
        <TextField
          label="Device ID"
          inputMode="numeric"
          value={deviceID}
          onChange={(e) => setDeviceID(e.target.value)}
          error={fieldError('deviceID')}
        />
        <TextField
          label="IP address"
          value={ip}
          onChange={(e) => setIp(e.target.value)}
          error={fieldError('IPAddr')}
          placeholder="192.168.0.10"
        />
        <TextField
          label="Port"
          inputMode="numeric"
          value={port}
          onChange={(e) => setPort(e.target.value)}
          error={fieldError('port')}
          style={{ width: 90 }}
        />
        <label className="check">
          <input type="checkbox" checked={ssl} onChange={(e) => setSsl(e.target.checked)} /> SSL
        </label>
        <fieldset className="row" style={{ border: 0, padding: 0, marginInline: 0 }}>
          <legend className="visually-hidden">Store</legend>
          <label className="check">
            <input
              type="radio"
              name="async-store"
              checked={store === 'session'}
              onChange={() => setStore('session')}
            />{' '}
            Session only
          </label>
          <label className="check">
            <input
              type="radio"
              name="async-store"
              checked={store === 'db'}
              onChange={() => setStore('db')}
            />{' '}
            Saved in master DB
          </label>
        </fieldset>
        <button className="btn btn-primary" type="submit" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add'}
        </button>
      </div>
      {add.isSuccess && added && stillListed ? (
        <div className="alert alert-ok" role="status">
          Registered device {added.deviceID} ({added.store === 'db' ? 'saved' : 'session'}). The
          gateway connects to it in the background.
        </div>
      ) : null}
      <ErrorAlert
        error={add.error}
        title="Could not add"
        showFields={
          Object.keys(server).length > 0 &&
          !fieldError('deviceID') &&
          !fieldError('IPAddr') &&
          !fieldError('port')
        }
      />
    </form>
  );
}

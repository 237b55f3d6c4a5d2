import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { connectRequest } from '@cmc/api';
import { isApiError } from '../../../lib/api-error.ts';
import { numberOrText, validate } from '../../../lib/zod-fields.ts';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { TextField } from '../../../ui/field.tsx';
import { useConnectDevice } from '../api/connect-device.ts';

export function ConnectForm({ gatewayID }: { gatewayID: string }) {
  const [ip, setIp] = useState('');
  const [port, setPort] = useState('51211');
  const [ssl, setSsl] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const connect = useConnectDevice(gatewayID);

  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = validate(connectRequest, {
      IPAddr: ip.trim(),
      port: numberOrText(port),
      useSSL: ssl,
    });
    // A new attempt replaces the last result: no old server error under new field errors.
    connect.reset();
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    connect.mutate(parsed.value);
  }
  const server = isApiError(connect.error) ? connect.error.fieldErrors : {};
  return (
    <form
      className="stack"
      onSubmit={submit}
      noValidate
      aria-label="Connect a device"
      style={{ maxWidth: 420 }}
    >
      <TextField
        label="IP address"
        name="IPAddr"
        value={ip}
        onChange={(e) => setIp(e.target.value)}
        error={errors['IPAddr'] ?? server['IPAddr']}
        placeholder="192.168.0.10"
      />
      <TextField
        label="Port"
        name="port"
        inputMode="numeric"
        value={port}
        onChange={(e) => setPort(e.target.value)}
        error={errors['port'] ?? server['port']}
        hint="The device's port, 51211 by default"
      />
      <label className="check">
        <input type="checkbox" checked={ssl} onChange={(e) => setSsl(e.target.checked)} /> Use SSL
        (must match the device's SSL setting)
      </label>
      <div>
        <button
          className="btn btn-primary"
          type="submit"
          disabled={connect.isPending || gatewayID === ''}
        >
          {connect.isPending ? 'Connecting…' : 'Connect'}
        </button>
      </div>
      {connect.isSuccess ? (
        <div className="alert alert-ok" role="status" data-testid="connect-result">
          Connected device{' '}
          <Link to={`/devices/${connect.data.deviceID}`}>{connect.data.deviceID}</Link>.
        </div>
      ) : null}
      <ErrorAlert error={connect.error} title="Could not connect" />
    </form>
  );
}

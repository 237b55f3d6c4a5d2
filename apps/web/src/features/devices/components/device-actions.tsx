import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DeviceRow } from '@cmc/api';
import { errorMessage } from '../../../lib/api-error.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { ConfirmDialog } from '../../../ui/dialog.tsx';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { disconnectDevices } from '../api/disconnect-devices.ts';
import { setSsl } from '../api/set-ssl.ts';

/** Single-device commands; the per-device result of a Multi call is shown as the outcome. */
export function DeviceActions({ device }: { device: DeviceRow }) {
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.devices });
  };
  const ssl = useMutation({
    mutationFn: async (enabled: boolean) => {
      const result = await setSsl(device.gatewayID, [device.deviceID], enabled);
      const own = result.results.find((r) => r.deviceID === device.deviceID);
      if (own && !own.ok) throw new Error(own.message ?? 'The gateway refused the change');
      return enabled;
    },
    onSuccess: (enabled) => setMessage(`SSL ${enabled ? 'enabled' : 'disabled'}.`),
    onSettled: done,
  });
  const disconnect = useMutation({
    mutationFn: () => disconnectDevices(device.gatewayID, [device.deviceID]),
    onSuccess: () => setMessage('Disconnect sent.'),
    onSettled: () => {
      setConfirm(false);
      done();
    },
  });
  return (
    <div className="stack-sm">
      <div className="row">
        <button
          className="btn"
          type="button"
          disabled={ssl.isPending}
          onClick={() => ssl.mutate(!device.useSSL)}
        >
          {device.useSSL ? 'Disable SSL' : 'Enable SSL'}
        </button>
        <button className="btn btn-danger" type="button" onClick={() => setConfirm(true)}>
          Disconnect
        </button>
      </div>
      {message ? (
        <div className="alert alert-ok" role="status">
          {message}
        </div>
      ) : null}
      {ssl.error ? (
        <div className="alert alert-error" role="alert">
          SSL change failed: {errorMessage(ssl.error)}
        </div>
      ) : null}
      <ErrorAlert error={disconnect.error} title="Disconnect failed" />
      {confirm ? (
        <ConfirmDialog
          title={`Disconnect device ${device.deviceID}`}
          confirmLabel="Disconnect"
          busy={disconnect.isPending}
          onCancel={() => setConfirm(false)}
          onConfirm={() => disconnect.mutate()}
        >
          <p>
            {device.autoReconnect
              ? 'This device is registered for async connection: the gateway reconnects it after its retry delay.'
              : 'This device was connected synchronously: it leaves the managed list and is not retried.'}
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

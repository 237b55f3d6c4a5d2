import { useState } from 'react';
import { ConfirmDialog } from '../../../ui/dialog.tsx';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { useDisconnectAll } from '../api/disconnect-all.ts';

export function DisconnectAllButton({
  gatewayID,
  deviceCount,
}: {
  gatewayID: string;
  deviceCount: number;
}) {
  const [open, setOpen] = useState(false);
  const mutation = useDisconnectAll();
  return (
    <>
      <button className="btn btn-danger" type="button" onClick={() => setOpen(true)}>
        Disconnect all devices
      </button>
      {mutation.isSuccess ? (
        <span className="badge badge-ok" role="status">
          Disconnect all sent
        </span>
      ) : null}
      <ErrorAlert error={mutation.error} title="Disconnect all failed" />
      {open ? (
        <ConfirmDialog
          title={`Disconnect every device of ${gatewayID}?`}
          confirmLabel="Disconnect all"
          busy={mutation.isPending}
          onCancel={() => setOpen(false)}
          onConfirm={() => mutation.mutate(gatewayID, { onSettled: () => setOpen(false) })}
        >
          <p>
            All {deviceCount} managed devices of <strong>{gatewayID}</strong> will be disconnected.
            Async devices reconnect after the gateway's retry delay; synchronously connected ones
            stay disconnected.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DeviceDetail, Store } from '@cmc/api';
import { errorMessage } from '../../../lib/api-error.ts';
import { isConnectedStatus } from '../../../lib/device-status.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { ConfirmDialog } from '../../../ui/dialog.tsx';
import { disconnectDevices } from '../api/disconnect-devices.ts';
import { disconnectText } from './disconnect-text.ts';

export type RemoveFromFilter = (
  gatewayID: string,
  store: Store,
  deviceID: number,
) => Promise<unknown>;

interface Props {
  detail: DeviceDetail;
  /** The device left the managed list: nothing here applies to it any more. */
  gone: boolean;
  /** Opens the SSL change (plan first), composed by the route. */
  onSslChange: (enabled: boolean) => void;
  /** Takes a device-to-server device out of the accept filter (composed by the route). */
  removeFromFilter: RemoveFromFilter;
}

const STORE_WORD: Record<Store, string> = { session: 'session', db: 'saved' };

/** Single-device commands; one result at a time, the newest replacing the last. */
export function DeviceActions({ detail, gone, onSslChange, removeFromFilter }: Props) {
  const device = detail.device;
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const [unaccept, setUnaccept] = useState<Store[]>([]);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const connected = isConnectedStatus(device.status);
  const toServer = device.connectionMode === 'DEVICE_TO_SERVER';
  const accepted = (['session', 'db'] as const).filter((s) => detail.acceptedByFilter[s]);
  const disconnect = useMutation({
    mutationFn: async (stores: Store[]) => {
      // Out of the filter first, so its next dial-in is refused rather than let straight back.
      for (const store of stores) await removeFromFilter(device.gatewayID, store, device.deviceID);
      await disconnectDevices(device.gatewayID, [device.deviceID]);
    },
    onMutate: () => setResult(null),
    onSuccess: () =>
      setResult({
        ok: true,
        text: toServer
          ? 'Disconnected. It dials the gateway again after a short delay.'
          : device.autoReconnect
            ? 'Disconnected. The gateway reconnects it after its retry delay.'
            : 'Disconnected: it left the managed list.',
      }),
    onError: (error) => setResult({ ok: false, text: `Disconnect failed: ${errorMessage(error)}` }),
    onSettled: () => {
      setConfirm(false);
      void queryClient.invalidateQueries({ queryKey: queryKeys.devices });
      void queryClient.invalidateQueries({ queryKey: queryKeys.gatewayConfig(device.gatewayID) });
    },
  });
  const why = gone
    ? 'The device is no longer managed, so these actions do not apply.'
    : connected
      ? null
      : 'SSL can be changed only while the device is connected.';
  return (
    <div className="stack-sm">
      <div className="row">
        <button
          className="btn"
          type="button"
          disabled={gone || !connected}
          onClick={() => {
            setResult(null);
            onSslChange(!device.useSSL);
          }}
        >
          {device.useSSL ? 'Disable SSL…' : 'Enable SSL…'}
        </button>
        <button
          className="btn btn-danger"
          type="button"
          disabled={gone}
          onClick={() => {
            setUnaccept([]);
            setConfirm(true);
          }}
        >
          Disconnect…
        </button>
      </div>
      {why ? <p className="muted">{why}</p> : null}
      {result ? (
        <div
          className={result.ok ? 'alert alert-ok' : 'alert alert-error'}
          role={result.ok ? 'status' : 'alert'}
        >
          {result.text}
        </div>
      ) : null}
      {confirm ? (
        <ConfirmDialog
          title={`Disconnect device ${device.deviceID}?`}
          confirmLabel="Disconnect"
          busy={disconnect.isPending}
          onCancel={() => setConfirm(false)}
          onConfirm={() => disconnect.mutate(unaccept)}
        >
          <p>{disconnectText(detail)}</p>
          {toServer
            ? accepted.map((store) => (
                <label key={store} className="check">
                  <input
                    type="checkbox"
                    checked={unaccept.includes(store)}
                    onChange={(e) =>
                      setUnaccept(
                        e.target.checked
                          ? [...unaccept, store]
                          : unaccept.filter((s) => s !== store),
                      )
                    }
                  />
                  Also remove it from the {STORE_WORD[store]} accept filter, so it stays out
                </label>
              ))
            : null}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

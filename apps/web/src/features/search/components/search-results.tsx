import type { SearchedDevice } from '@cmc/api';
import { deviceTypeLabelOfName } from '@cmc/gsdk/names';
import { connectionModeLabel } from '../../../lib/device-status.ts';
import { EmptyState } from '../../../ui/empty-state.tsx';

export type SearchAction =
  'connect' | 'async-session' | 'async-db' | 'accept-session' | 'accept-db';

export interface RowState {
  busy?: boolean;
  done?: string;
  error?: string;
}

const ACTIONS: Array<{ action: SearchAction; label: string; title: string }> = [
  {
    action: 'connect',
    label: 'Connect now',
    title: 'Connect synchronously (not retried after a drop)',
  },
  {
    action: 'async-session',
    label: 'Async (session)',
    title: 'Register as async connection; lost when the gateway reconnects',
  },
  {
    action: 'async-db',
    label: 'Async (saved)',
    title: "Register as async connection in the master's database",
  },
  {
    action: 'accept-session',
    label: 'Accept (session)',
    title: 'Add to the accept filter of this session',
  },
  {
    action: 'accept-db',
    label: 'Accept (saved)',
    title: "Add to the accept filter saved in the master's database",
  },
];

export function SearchResults({
  devices,
  states,
  onAction,
}: {
  devices: readonly SearchedDevice[];
  states: ReadonlyMap<number, RowState>;
  onAction: (device: SearchedDevice, action: SearchAction) => void;
}) {
  if (devices.length === 0)
    return <EmptyState title="No devices answered">Try a longer timeout.</EmptyState>;
  return (
    <table className="table" aria-label="Search results">
      <thead>
        <tr>
          <th scope="col">Device ID</th>
          <th scope="col">Type</th>
          <th scope="col">IP address</th>
          <th scope="col">Port</th>
          <th scope="col">DHCP</th>
          <th scope="col">Mode</th>
          <th scope="col">SSL</th>
          <th scope="col">Managed</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {devices.map((d) => {
          const state = states.get(d.deviceID);
          const toServer = d.connectionMode === 'DEVICE_TO_SERVER';
          return (
            <tr key={d.deviceID} data-device-id={d.deviceID}>
              <td className="mono">{d.deviceID}</td>
              <td>{deviceTypeLabelOfName(d.type)}</td>
              <td className="mono">{d.IPAddr}</td>
              <td className="mono">{d.port}</td>
              <td>{d.useDHCP ? 'Yes' : 'No'}</td>
              <td>{connectionModeLabel(d.connectionMode)}</td>
              <td>{d.useSSL ? 'On' : 'Off'}</td>
              <td>
                {d.managed ? (
                  <span className="badge badge-ok badge-plain">Managed</span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td>
                <div className="row">
                  {/* Device-to-server devices are let in by the filter; managed ones need no connecting. */}
                  {ACTIONS.filter((a) =>
                    toServer
                      ? a.action.startsWith('accept')
                      : !a.action.startsWith('accept') && !d.managed,
                  ).map((a) => (
                    <button
                      key={a.action}
                      className="btn btn-sm"
                      type="button"
                      title={a.title}
                      disabled={state?.busy}
                      onClick={() => onAction(d, a.action)}
                      aria-label={`${a.label} ${d.deviceID}`}
                    >
                      {a.label}
                    </button>
                  ))}
                </div>
                {state?.done ? (
                  <div className="badge badge-ok badge-plain" role="status">
                    {state.done}
                  </div>
                ) : null}
                {state?.error ? (
                  <div className="row-error" role="alert">
                    {state.error}
                  </div>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

import type { SearchedDevice } from '@cmc/api';
import { deviceTypeLabelOfName } from '@cmc/api';
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

/** Devices the bulk actions (connect, async) can add: server-to-device ones nobody manages yet. */
export function canBulkAdd(d: SearchedDevice): boolean {
  return d.connectionMode !== 'DEVICE_TO_SERVER' && !d.managed;
}

export function SearchResults({
  devices,
  states,
  onAction,
  selected,
  onSelect,
  nameOf,
}: {
  devices: readonly SearchedDevice[];
  states: ReadonlyMap<number, RowState>;
  onAction: (device: SearchedDevice, action: SearchAction) => void;
  /** Rows ticked for a bulk action; no checkboxes without onSelect. */
  selected?: ReadonlySet<number>;
  onSelect?: (deviceIDs: number[], checked: boolean) => void;
  /** Display name of a device (device-labels), composed in by the route. */
  nameOf?: (deviceID: number) => string | undefined;
}) {
  if (devices.length === 0)
    return <EmptyState title="No devices answered">Try a longer timeout.</EmptyState>;
  const addable = devices.filter(canBulkAdd).map((d) => d.deviceID);
  const allTicked = addable.length > 0 && addable.every((id) => selected?.has(id));
  return (
    <table className="table" aria-label="Search results">
      <thead>
        <tr>
          {onSelect ? (
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Select all not managed"
                title="Select every device not managed yet"
                disabled={addable.length === 0}
                checked={allTicked}
                onChange={(e) => onSelect(addable, e.target.checked)}
              />
            </th>
          ) : null}
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
              {onSelect ? (
                <td>
                  {canBulkAdd(d) ? (
                    <input
                      type="checkbox"
                      aria-label={`Select ${d.deviceID}`}
                      checked={selected?.has(d.deviceID) ?? false}
                      disabled={state?.busy}
                      onChange={(e) => onSelect([d.deviceID], e.target.checked)}
                    />
                  ) : null}
                </td>
              ) : null}
              <td>
                <span className="mono">{d.deviceID}</span>
                {nameOf?.(d.deviceID) ? (
                  <span className="device-name">{nameOf(d.deviceID)}</span>
                ) : null}
              </td>
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
                  {/* Device-to-server devices are let in by the filter; managed ones need nothing. */}
                  {ACTIONS.filter(
                    (a) => !d.managed && toServer === a.action.startsWith('accept'),
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

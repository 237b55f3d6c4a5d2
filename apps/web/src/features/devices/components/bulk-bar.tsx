import { useState } from 'react';
import type { ConnectionMode } from '@cmc/api';
import { formatCount } from '../../../lib/format.ts';
import { ConfirmDialog } from '../../../ui/dialog.tsx';

export type BulkAction =
  | { kind: 'disconnect' }
  | { kind: 'ssl'; enabled: boolean }
  | { kind: 'mode'; mode: ConnectionMode }
  | { kind: 'remove-async'; store: 'session' | 'db' };

const DESTRUCTIVE: Record<
  string,
  { title: (devices: string) => string; confirm: string; text: string }
> = {
  disconnect: {
    title: (devices) => `Disconnect ${devices}?`,
    confirm: 'Disconnect',
    text: 'Synchronously connected devices leave the managed list; async ones are retried after a delay; device-to-server ones dial in again unless removed from the accept filter.',
  },
  'remove-async': {
    title: (devices) => `Remove the async registration of ${devices}?`,
    confirm: 'Remove registration',
    text: 'The gateway disconnects these devices and stops reconnecting to them.',
  },
};

interface Props {
  count: number;
  pageCount: number;
  total: number;
  allMatching: boolean;
  running: boolean;
  progress: { done: number; total: number } | null;
  onSelectAllMatching: () => void;
  onClear: () => void;
  onRun: (action: BulkAction) => void;
}

export function BulkBar({
  count,
  pageCount,
  total,
  allMatching,
  running,
  progress,
  onSelectAllMatching,
  onClear,
  onRun,
}: Props) {
  const [pending, setPending] = useState<BulkAction | null>(null);
  const [mode, setMode] = useState<ConnectionMode>('DEVICE_TO_SERVER');
  const [store, setStore] = useState<'session' | 'db'>('session');
  if (count === 0) return null;
  const confirm = pending ? DESTRUCTIVE[pending.kind] : undefined;

  return (
    <div className="bulk-bar" role="region" aria-label="Bulk actions">
      <strong data-testid="selected-count">{formatCount(count)} selected</strong>
      {!allMatching && count >= pageCount && total > pageCount ? (
        <button className="btn btn-sm btn-ghost" type="button" onClick={onSelectAllMatching}>
          Select all {formatCount(total)} matching
        </button>
      ) : null}
      {allMatching ? <span className="muted">(every device matching the filter)</span> : null}
      <button className="btn btn-sm btn-ghost" type="button" onClick={onClear}>
        Clear
      </button>
      <span className="spacer" />
      {progress ? (
        <span className="muted" role="status">
          {formatCount(progress.done)} / {formatCount(progress.total)}
        </span>
      ) : null}
      <button
        className="btn btn-sm btn-danger"
        type="button"
        disabled={running}
        onClick={() => setPending({ kind: 'disconnect' })}
      >
        Disconnect
      </button>
      <button
        className="btn btn-sm"
        type="button"
        disabled={running}
        onClick={() => onRun({ kind: 'ssl', enabled: true })}
      >
        Enable SSL
      </button>
      <button
        className="btn btn-sm"
        type="button"
        disabled={running}
        onClick={() => onRun({ kind: 'ssl', enabled: false })}
      >
        Disable SSL
      </button>
      <label className="visually-hidden" htmlFor="bulk-mode">
        Connection mode
      </label>
      <select
        id="bulk-mode"
        className="select"
        style={{ height: 26 }}
        value={mode}
        onChange={(e) => setMode(e.target.value as ConnectionMode)}
      >
        <option value="DEVICE_TO_SERVER">Device → server</option>
        <option value="SERVER_TO_DEVICE">Server → device</option>
      </select>
      <button
        className="btn btn-sm"
        type="button"
        disabled={running}
        onClick={() => onRun({ kind: 'mode', mode })}
      >
        Set mode
      </button>
      <label className="visually-hidden" htmlFor="bulk-store">
        Registration store
      </label>
      <select
        id="bulk-store"
        className="select"
        style={{ height: 26 }}
        value={store}
        onChange={(e) => setStore(e.target.value as 'session' | 'db')}
      >
        <option value="session">Session</option>
        <option value="db">Saved (DB)</option>
      </select>
      <button
        className="btn btn-sm btn-danger"
        type="button"
        disabled={running}
        onClick={() => setPending({ kind: 'remove-async', store })}
      >
        Remove async registration
      </button>
      {pending && confirm ? (
        <ConfirmDialog
          title={confirm.title(`${formatCount(count)} device${count === 1 ? '' : 's'}`)}
          confirmLabel={`${confirm.confirm} ${formatCount(count)} device${count === 1 ? '' : 's'}`}
          onCancel={() => setPending(null)}
          onConfirm={() => {
            onRun(pending);
            setPending(null);
          }}
        >
          <p>
            {confirm.confirm} <strong>{formatCount(count)}</strong> selected device
            {count === 1 ? '' : 's'}
            {pending.kind === 'remove-async'
              ? ` (${pending.store === 'db' ? 'saved in the master database' : 'session registrations'})`
              : ''}
            ?
          </p>
          <p className="muted">{confirm.text}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

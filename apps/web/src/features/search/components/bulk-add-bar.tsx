export type BulkAddAction = 'connect' | 'async-session' | 'async-db';

const BUTTONS: Array<{ action: BulkAddAction; label: string; title: string }> = [
  {
    action: 'connect',
    label: 'Connect selected',
    title: 'Connect each selected device synchronously (not retried after a drop)',
  },
  {
    action: 'async-session',
    label: 'Add async (session) selected',
    title: 'Register each as an async connection; lost when the gateway reconnects',
  },
  {
    action: 'async-db',
    label: 'Add async (saved) selected',
    title: "Register each as an async connection in the master's database",
  },
];

/** Actions on every ticked search result at once; each device still gets its own result. */
export function BulkAddBar({
  count,
  busy,
  summary,
  onRun,
  onClear,
}: {
  count: number;
  busy: boolean;
  /** What the last bulk run did, e.g. "2 of 3 connected, 1 failed". */
  summary: string | null;
  onRun: (action: BulkAddAction) => void;
  onClear: () => void;
}) {
  return (
    <div className="bulk-add" data-testid="bulk-add" role="group" aria-label="Add selected devices">
      <span>
        <strong>{count}</strong> selected
      </span>
      {BUTTONS.map((b) => (
        <button
          key={b.action}
          className={b.action === 'connect' ? 'btn btn-sm btn-primary' : 'btn btn-sm'}
          type="button"
          title={b.title}
          disabled={busy || count === 0}
          onClick={() => onRun(b.action)}
        >
          {b.label}
        </button>
      ))}
      <button className="btn btn-sm" type="button" disabled={busy || count === 0} onClick={onClear}>
        Clear selection
      </button>
      {busy ? <span className="muted">Working…</span> : null}
      {summary && !busy ? (
        <span role="status" data-testid="bulk-summary">
          {summary}
        </span>
      ) : null}
    </div>
  );
}

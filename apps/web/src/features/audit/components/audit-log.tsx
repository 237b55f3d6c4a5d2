import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { dateTime, formatCount } from '../../../lib/format.ts';
import { SelectField, TextField } from '../../../ui/field.tsx';
import { QueryView } from '../../../ui/query-view.tsx';
import { useAudit, type AuditParams } from '../api/list-audit.ts';
import { auditSentence } from '../audit-summary.ts';

const PAGE_SIZE = 50;

/** datetime-local value (local time) -> ISO string for the API; '' stays unset. */
function localToIso(value: string): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export function AuditLog() {
  const [search, setSearch] = useSearchParams();
  const params: AuditParams = useMemo(
    () => ({
      user: search.get('user') || undefined,
      action: search.get('action') || undefined,
      outcome: (['success', 'failure'] as const).find((o) => o === search.get('outcome')),
      from: localToIso(search.get('from') ?? ''),
      to: localToIso(search.get('to') ?? ''),
      page: Math.max(1, Number(search.get('page')) || 1),
      pageSize: PAGE_SIZE,
    }),
    [search],
  );
  const [user, setUser] = useState(params.user ?? '');
  const [action, setAction] = useState(params.action ?? '');
  const query = useAudit(params);

  function set(key: string, value: string) {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setSearch(next, { replace: true });
  }

  const total = query.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <div className="stack">
      <form
        className="toolbar"
        aria-label="Filter the audit log"
        onSubmit={(e) => {
          e.preventDefault();
          const next = new URLSearchParams(search);
          for (const [k, v] of [
            ['user', user],
            ['action', action],
          ] as const) {
            if (v.trim()) next.set(k, v.trim());
            else next.delete(k);
          }
          next.delete('page');
          setSearch(next, { replace: true });
        }}
      >
        <TextField
          label="User"
          value={user}
          onChange={(e) => setUser(e.target.value)}
          maxLength={64}
        />
        <TextField
          label="Action"
          value={action}
          onChange={(e) => setAction(e.target.value)}
          placeholder="e.g. devices.ssl"
          maxLength={64}
        />
        <SelectField
          label="Outcome"
          value={params.outcome ?? ''}
          onChange={(v) => set('outcome', v)}
          options={[
            { value: '', label: 'Any' },
            { value: 'success', label: 'Success' },
            { value: 'failure', label: 'Failure' },
          ]}
        />
        <TextField
          label="From"
          type="datetime-local"
          value={search.get('from') ?? ''}
          onChange={(e) => set('from', e.target.value)}
        />
        <TextField
          label="To"
          type="datetime-local"
          value={search.get('to') ?? ''}
          onChange={(e) => set('to', e.target.value)}
        />
        <button className="btn btn-primary" type="submit">
          Apply
        </button>
      </form>
      <QueryView
        query={query}
        errorTitle="The audit log could not be read"
        showFields
        skeletonRows={8}
        isEmpty={(d) => d.items.length === 0}
        empty="No entries match"
      >
        {(data) => (
          <div className="card" style={{ overflow: 'auto' }}>
            <table className="table" aria-label="Audit log">
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">User</th>
                  <th scope="col">Action</th>
                  <th scope="col">Gateway</th>
                  <th scope="col">Devices</th>
                  <th scope="col">Summary</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((e) => (
                  <tr key={e.id}>
                    <td className="nowrap">{dateTime(e.at)}</td>
                    <td>
                      {e.username ?? '—'}{' '}
                      {e.role ? <span className="muted">({e.role})</span> : null}
                    </td>
                    <td className="mono">{e.action}</td>
                    <td>{e.gatewayID ?? '—'}</td>
                    <td className="mono" title={e.deviceIDs.join(', ')}>
                      {e.deviceIDs.length === 0
                        ? '—'
                        : e.deviceIDs.length <= 3
                          ? e.deviceIDs.join(', ')
                          : `${e.deviceIDs.slice(0, 3).join(', ')} +${e.deviceIDs.length - 3}`}
                    </td>
                    <td className="audit-summary" data-testid="audit-summary">
                      {auditSentence(e)}
                    </td>
                    <td>
                      {e.outcome === 'success' ? (
                        <span className="badge badge-ok badge-plain">Success</span>
                      ) : (
                        <span className="badge badge-bad badge-plain" title={e.error ?? undefined}>
                          Failure
                        </span>
                      )}
                      {e.error ? <div className="row-error">{e.error}</div> : null}
                    </td>
                    <td className="mono">{e.sourceAddress ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
      <div className="pager">
        <span className="muted">{formatCount(total)} entries</span>
        <button
          className="btn btn-sm"
          type="button"
          disabled={params.page <= 1}
          onClick={() => set('page', String(params.page - 1))}
        >
          Previous
        </button>
        <span>
          Page {params.page} of {pages}
        </span>
        <button
          className="btn btn-sm"
          type="button"
          disabled={params.page >= pages}
          onClick={() => set('page', String(params.page + 1))}
        >
          Next
        </button>
      </div>
    </div>
  );
}

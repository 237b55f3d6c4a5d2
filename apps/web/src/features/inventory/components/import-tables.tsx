import type { ImportPreview, ImportResult } from '@cmc/api';

export function ImportPreviewTable({ rows }: { rows: ImportPreview['rows'] }) {
  return (
    <table className="table" aria-label="Import preview" data-testid="import-preview">
      <thead>
        <tr>
          <th scope="col">Line</th>
          <th scope="col">Gateway</th>
          <th scope="col">Address</th>
          <th scope="col">SSL</th>
          <th scope="col">Device ID</th>
          <th scope="col">Check</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.line} data-line={r.line} className={r.errors.length ? 'row-error' : undefined}>
            <th scope="row">{r.line}</th>
            <td>{r.gatewayID}</td>
            <td>
              {r.IPAddr}
              {r.port === null ? '' : `:${r.port}`}
            </td>
            <td>{r.useSSL === null ? '—' : r.useSSL ? 'on' : 'off'}</td>
            <td>
              {r.deviceID ?? '—'}
              {r.deviceIDFrom === 'search' ? (
                <span className="muted"> (found by search)</span>
              ) : null}
            </td>
            <td>
              {r.errors.length === 0 ? (
                <span className="badge badge-ok">OK</span>
              ) : (
                <ul className="plain-list">
                  {r.errors.map((e) => (
                    <li key={e.field + e.message}>
                      {e.field}: {e.message}
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ImportResultsTable({ rows }: { rows: ImportResult['rows'] }) {
  return (
    <table className="table" aria-label="Import results" data-testid="import-results">
      <thead>
        <tr>
          <th scope="col">Line</th>
          <th scope="col">Gateway</th>
          <th scope="col">Device ID</th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.line} data-line={r.line}>
            <th scope="row">{r.line}</th>
            <td>{r.gatewayID}</td>
            <td>{r.deviceID}</td>
            <td>
              <span className={r.outcome === 'added' ? 'badge badge-ok' : 'badge badge-bad'}>
                {r.outcome}
              </span>
              {r.error ? ` ${r.error}` : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

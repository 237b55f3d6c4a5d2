import { useState } from 'react';
import { IMPORT_MAX_BYTES, importColumns, type ImportPreview } from '@cmc/api';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { SelectField } from '../../../ui/field.tsx';
import { usePreviewImport, useRunImport } from '../api/import-devices.ts';
import { ImportPreviewTable, ImportResultsTable } from './import-tables.tsx';

/** Upload -> preview (checked by the server, row by row) -> run -> a result per row. */
export function ImportDevices() {
  const [store, setStore] = useState<'session' | 'db'>('session');
  const [csv, setCsv] = useState<string | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const preview = usePreviewImport();
  const run = useRunImport();
  const data: ImportPreview | undefined = preview.data;

  const check = (text: string, nextStore = store) => {
    run.reset();
    setCsv(text);
    preview.mutate({ csv: text, store: nextStore });
  };

  return (
    <div className="stack">
      <p className="muted">
        Columns (first line): <code>{importColumns.join(',')}</code> in any order. deviceID may be
        empty: the gateway is then searched for the device at that address. useSSL: true/false,
        yes/no or 1/0. At most {IMPORT_MAX_BYTES / 1024} KB.
      </p>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="import-file">CSV file</label>
          <input
            id="import-file"
            className="input"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              setReadError(null);
              if (file.size > IMPORT_MAX_BYTES) {
                setCsv(null);
                preview.reset();
                setReadError(
                  `${file.name} is ${Math.ceil(file.size / 1024)} KB; an import file may be at most ${IMPORT_MAX_BYTES / 1024} KB`,
                );
                return;
              }
              void file.text().then((text) => check(text));
            }}
          />
        </div>
        <SelectField
          label="Register as"
          value={store}
          onChange={(v) => {
            const next = v === 'db' ? 'db' : 'session';
            setStore(next);
            if (csv !== null) check(csv, next);
          }}
          options={[
            { value: 'session', label: 'Session (lost when the gateway reconnects)' },
            { value: 'db', label: 'Saved in the master database' },
          ]}
        />
      </div>
      {readError ? (
        <div className="alert alert-error" role="alert">
          {readError}
        </div>
      ) : null}
      {preview.isError ? (
        <ErrorAlert error={preview.error} title="The file cannot be imported" />
      ) : null}
      {preview.isPending ? <p className="muted">Checking the file…</p> : null}
      {data && !run.data ? (
        <>
          <p>
            {data.valid} row{data.valid === 1 ? '' : 's'} ready;{' '}
            {data.invalid === 0
              ? 'no errors.'
              : `${data.invalid} row${data.invalid === 1 ? ' has' : 's have'} errors — fix the file and choose it again; nothing is added while any row is wrong.`}
          </p>
          <ImportPreviewTable rows={data.rows} />
          <div>
            <button
              className="btn btn-primary"
              type="button"
              disabled={data.invalid > 0 || run.isPending || csv === null}
              onClick={() => csv !== null && run.mutate({ csv, store: data.store })}
            >
              Add {data.valid} device{data.valid === 1 ? '' : 's'}
            </button>
          </div>
        </>
      ) : null}
      {run.isError ? <ErrorAlert error={run.error} title="The import did not run" /> : null}
      {run.data ? (
        <>
          <p>
            {run.data.added} added, {run.data.failed} failed (
            {run.data.store === 'db' ? 'saved' : 'session'}).
          </p>
          <ImportResultsTable rows={run.data.rows} />
        </>
      ) : null}
    </div>
  );
}

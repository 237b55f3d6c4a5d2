import { useState, type FormEvent } from 'react';
import { searchRequest } from '@cmc/api';
import { isApiError } from '../../../lib/api-error.ts';
import { numberOrText, validate } from '../../../lib/zod-fields.ts';
import { TextField } from '../../../ui/field.tsx';

export function SearchForm({
  busy,
  serverError,
  onSearch,
}: {
  busy: boolean;
  serverError: unknown;
  onSearch: (timeoutMs: number) => void;
}) {
  const [timeout, setTimeoutText] = useState('5000');
  const [error, setError] = useState<string | undefined>();
  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = validate(searchRequest, { timeoutMs: numberOrText(timeout) });
    if (!parsed.ok) return setError(parsed.errors['timeoutMs']);
    setError(undefined);
    onSearch(parsed.value.timeoutMs);
  }
  const fromServer = isApiError(serverError) ? serverError.fieldErrors['timeoutMs'] : undefined;
  return (
    <form className="toolbar" onSubmit={submit} noValidate aria-label="Search devices">
      <TextField
        label="Timeout (ms)"
        inputMode="numeric"
        value={timeout}
        onChange={(e) => setTimeoutText(e.target.value)}
        error={error ?? fromServer}
        hint="500 – 60000"
        style={{ width: 120 }}
      />
      <button className="btn btn-primary" type="submit" disabled={busy}>
        {busy ? 'Searching…' : 'Search'}
      </button>
    </form>
  );
}

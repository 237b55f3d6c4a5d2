import type { UseQueryResult } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { QueryView } from '../query-view.tsx';

type Data = { rules: string[] };
const as = (q: Partial<UseQueryResult<Data, Error>>) => q as UseQueryResult<Data, Error>;

const view = (query: UseQueryResult<Data, Error>, pad = false) =>
  renderToStaticMarkup(
    <QueryView
      query={query}
      errorTitle="Rules could not be read"
      padSkeleton={pad}
      isEmpty={(d) => d.rules.length === 0}
      empty="No rules yet"
    >
      {(data) => (
        <ul>
          {data.rules.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
    </QueryView>,
  );

describe('QueryView', () => {
  it('shows loading rows while pending, padded inside a card when asked', () => {
    const pending = as({ isPending: true, isError: false });
    expect(view(pending)).toMatch(/^<div class="stack-sm" role="status" aria-label="Loading">/);
    expect(view(pending, true)).toMatch(/^<div class="card-body"><div class="stack-sm"/);
  });

  it('shows the failure under its title, and neither data nor empty state', () => {
    const html = view(as({ isPending: false, isError: true, error: new Error('master down') }));
    expect(html).toContain('role="alert"');
    expect(html).toContain('Rules could not be read: </strong>master down');
    expect(html).not.toContain('<ul>');
  });

  it('shows the empty state for empty data and the children otherwise', () => {
    const none = view(as({ isPending: false, isError: false, data: { rules: [] } }));
    expect(none).toContain('<strong>No rules yet</strong>');
    const some = view(as({ isPending: false, isError: false, data: { rules: ['a', 'b'] } }));
    expect(some).toBe('<ul><li>a</li><li>b</li></ul>');
  });
});

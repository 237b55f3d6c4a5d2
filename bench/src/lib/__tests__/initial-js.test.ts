import { describe, expect, it } from 'vitest';
import { initialScripts } from '../initial-js.ts';

describe('initialScripts', () => {
  it('lists module scripts and module preloads, not stylesheets or lazy chunks', () => {
    const html = `<script type="module" crossorigin src="/assets/index-A.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/chunk-B.js">
      <link rel="stylesheet" crossorigin href="/assets/index-C.css">`;
    expect(initialScripts(html)).toEqual(['/assets/index-A.js', '/assets/chunk-B.js']);
  });
});

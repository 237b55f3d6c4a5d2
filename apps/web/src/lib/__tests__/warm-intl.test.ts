// warmIntl starts the worker that loads the Intl locale data off the main thread, and is only a
// head start: without workers, or when one is refused, nothing fails.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmIntl } from '../warm-intl.ts';

afterEach(() => vi.unstubAllGlobals());

describe('warmIntl', () => {
  it('starts warm-intl-worker.ts as a module worker', () => {
    const started: Array<{ url: string; options: WorkerOptions | undefined }> = [];
    vi.stubGlobal(
      'Worker',
      class {
        constructor(url: URL | string, options?: WorkerOptions) {
          started.push({ url: String(url), options });
        }
      },
    );
    warmIntl();
    expect(started).toHaveLength(1);
    expect(started[0]?.url).toMatch(/warm-intl-worker\.ts$/);
    expect(started[0]?.options).toEqual({ type: 'module' });
  });

  it('does nothing where there are no workers, and survives a refused one', () => {
    vi.stubGlobal('Worker', undefined);
    expect(() => warmIntl()).not.toThrow();
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new DOMException('refused by the content security policy', 'SecurityError');
        }
      },
    );
    expect(() => warmIntl()).not.toThrow();
  });
});

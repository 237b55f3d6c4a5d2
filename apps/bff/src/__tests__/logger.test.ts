import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';

describe('createLogger', () => {
  it('writes one JSON object per line with level, message, child fields and errors by name/message', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', write: (l) => lines.push(l) }).child({ module: 'x' });
    log.debug('hidden');
    log.info('hello', { requestId: 'r1' });
    log.error('boom', { error: new TypeError('bad') });
    expect(lines).toHaveLength(2);
    const [first, second] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toMatchObject({ level: 'info', msg: 'hello', module: 'x', requestId: 'r1' });
    expect(Number.isNaN(Date.parse(String(first!.time)))).toBe(false);
    expect(second).toMatchObject({ level: 'error', error: { name: 'TypeError', message: 'bad' } });
  });

  it('is silent at level silent', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'silent', write: (l) => lines.push(l) });
    log.error('x');
    expect(lines).toEqual([]);
  });
});

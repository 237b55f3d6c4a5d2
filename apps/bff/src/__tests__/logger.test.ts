import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';

describe('createLogger (pino)', () => {
  it('writes one JSON object per line with level, message, child fields and errors with their stack', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', write: (l) => lines.push(l) }).child({ module: 'x' });
    log.debug('hidden');
    log.info('hello', { requestId: 'r1' });
    log.error('boom', { error: new TypeError('bad') });
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).not.toContain('\n');
    const [first, second] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toMatchObject({ level: 'info', msg: 'hello', module: 'x', requestId: 'r1' });
    expect(Number.isNaN(Date.parse(String(first!.time)))).toBe(false);
    expect(second).toMatchObject({ level: 'error', error: { type: 'TypeError', message: 'bad' } });
    const stack = String((second!.error as { stack?: unknown }).stack);
    expect(stack).toMatch(/^TypeError: bad\n\s+at /);
    expect(stack).toContain('logger.test.ts');
  });

  it('is silent at level silent', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'silent', write: (l) => lines.push(l) });
    log.error('x');
    expect(lines).toEqual([]);
  });

  it('writes asynchronously and flush() writes out what is buffered', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmc-log-'));
    const file = path.join(dir, 'bff.log');
    const log = createLogger({ level: 'info', destination: file });
    for (let i = 0; i < 3; i++) log.info('line', { i });
    // Nothing has reached the file yet: the writes are buffered, not done on the caller's turn.
    expect(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '').toBe('');
    await log.flush();
    const written = fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(written.map((entry) => entry.i)).toEqual([0, 1, 2]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

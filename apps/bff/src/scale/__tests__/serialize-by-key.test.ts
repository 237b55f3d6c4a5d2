import { describe, expect, it } from 'vitest';
import { serializeByKey } from '../serialize-by-key.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('serializeByKey', () => {
  it('runs tasks of one key one after the other, other keys alongside', async () => {
    const run = serializeByKey();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([
      run('g1', task('a')),
      run('g1', task('b')),
      run('g2', task('c')),
    ]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log.indexOf('a end')).toBeLessThan(log.indexOf('b start'));
    expect(log.indexOf('c start')).toBeLessThan(log.indexOf('a end'));
  });

  it('a failed task rejects its own caller only; the next one still runs', async () => {
    const run = serializeByKey();
    const failed = run('g1', async () => {
      await tick();
      throw new Error('master refused');
    });
    const next = run('g1', async () => 'ran');
    await expect(failed).rejects.toThrow('master refused');
    await expect(next).resolves.toBe('ran');
  });
});

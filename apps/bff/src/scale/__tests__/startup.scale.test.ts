// Start-up with a bad or unreachable REDIS_URL: one clear line naming REDIS_URL and exit 1, quickly —
// never a process that hangs waiting for Redis.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { testBffEnv } from '../../__tests__/test-bff-env.ts';
import { freePort } from './redis-server.ts';

const BFF_DIR = path.resolve(import.meta.dirname, '../../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmc-scale-start-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function runMain(redisUrl: string): Promise<{ code: number | null; stderr: string; ms: number }> {
  const certDir = inject('certDir');
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: BFF_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      ...testBffEnv({ port: inject('simPort'), certDir }, dir, { REDIS_URL: redisUrl, PORT: '0' }),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, stderr, ms: Date.now() - started });
    }),
  );
}

describe('REDIS_URL at start-up', () => {
  it('refuses a malformed URL with one line naming REDIS_URL', async () => {
    const r = await runMain('http://127.0.0.1:6379');
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'Invalid setting REDIS_URL: must be a redis:// or rediss:// URL with a host, e.g. redis://127.0.0.1:6379 (got "http://127.0.0.1:6379")',
    );
  });

  it('stops with a clear line, without hanging, when nothing answers at the URL (password not shown)', async () => {
    const port = await freePort();
    const r = await runMain(`redis://:secret-pw@127.0.0.1:${port}`);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      `Invalid setting REDIS_URL: cannot connect to redis://***@127.0.0.1:${port} (ECONNREFUSED)`,
    );
    expect(r.ms).toBeLessThan(20_000);
  });
});

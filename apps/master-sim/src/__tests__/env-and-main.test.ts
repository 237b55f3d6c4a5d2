import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readEnv } from '../env.ts';
import { startSimulator } from '../start-simulator.ts';
import { tempDir } from './harness.ts';

const appDir = fileURLToPath(new URL('../..', import.meta.url));

function runMain(
  env: Record<string, string>,
  killAfterOutput?: RegExp,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: appDir,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (killAfterOutput?.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('env.ts', () => {
  it('defaults, and the cert dir resolves from the repo root, not the cwd', () => {
    const r = readEnv({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.env).toMatchObject({
      SIM_HOST: '127.0.0.1',
      SIM_PORT: 4010,
      SIM_CONTROL_PORT: 4011,
      SIM_TOKEN_TTL_SECONDS: 3600,
      SIM_RECONNECT_DELAY_MS: 30000,
    });
    expect(r.env.SIM_CERT_DIR).toBe(
      fileURLToPath(new URL('../../../../.data/certs', import.meta.url)),
    );
  });

  it('relative paths resolve against the directory pnpm was started in (INIT_CWD)', () => {
    const r = readEnv({
      INIT_CWD: '/srv/work',
      SIM_SCENARIO: 'worlds/a.json',
      SIM_CERT_DIR: 'certs',
    });
    expect(r.ok && r.env).toMatchObject({
      SIM_SCENARIO: '/srv/work/worlds/a.json',
      SIM_CERT_DIR: '/srv/work/certs',
    });
  });

  it.each([
    [{ SIM_PORT: 'abc' }, 'SIM_PORT'],
    [{ SIM_PORT: '70000' }, 'SIM_PORT'],
    [{ SIM_HOST: '0.0.0.0' }, 'SIM_HOST must be a loopback address'],
    [{ SIM_RECONNECT_DELAY_MS: '-5' }, 'SIM_RECONNECT_DELAY_MS'],
    [{ SIM_SEED: '1.5' }, 'SIM_SEED'],
  ])('%o → an error naming the variable', (env, message) => {
    const r = readEnv(env);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });
});

describe('main.ts', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('a bad setting prints one line naming it and exits 1, without a stack trace', async () => {
    const r = await runMain({ SIM_CONTROL_PORT: 'nope' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('SIM_CONTROL_PORT');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a bad scenario file is one clear line and exit 1', async () => {
    const r = await runMain({ SIM_SCENARIO: '/nonexistent/scenario.json', SIM_CERT_DIR: dir.path });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot read scenario file /nonexistent/scenario.json');
  });

  it('starts, prints where it listens and the cert files, and stops cleanly on SIGTERM', async () => {
    const r = await runMain(
      { SIM_PORT: '0', SIM_CONTROL_PORT: '0', SIM_CERT_DIR: dir.path },
      /scenario/,
    );
    expect(r.stdout).toMatch(/gRPC \(mutual TLS\) listening on 127\.0\.0\.1:\d+/);
    expect(r.stdout).toMatch(/control API on http:\/\/127\.0\.0\.1:\d+/);
    expect(r.stdout).toContain(dir.path);
    expect(r.stdout).toContain('tenant1.crt');
    expect(r.stdout).toContain('SIGTERM received');
    expect(r.code).toBe(0);
  }, 30_000);
});

describe('startSimulator options', () => {
  it('refuses a non-loopback host for the control API', async () => {
    await expect(startSimulator({ host: '0.0.0.0', certDir: '/nonexistent' })).rejects.toThrow(
      /loopback/,
    );
  });
});

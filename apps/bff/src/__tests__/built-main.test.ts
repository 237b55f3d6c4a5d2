// The production bundle (scripts/build.ts -> dist/) run by scripts/run-bundle.sh with plain node, no
// tsx: it must find the protos and migrations beside their sources and serve a device list read over
// gRPC from the simulator, in a process with the allocator setting and heap option of the script.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const appDir = fileURLToPath(new URL('../..', import.meta.url));
const outDir = path.join(appDir, 'dist', `test-${process.pid}`);
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

describe('built BFF (scripts/run-bundle.sh)', () => {
  it('bundles, starts on plain node against the simulator and lists devices', async () => {
    const built = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/build.ts', path.relative(appDir, path.join(outDir, 'main.js'))],
      { cwd: appDir, encoding: 'utf8', timeout: 60_000 },
    );
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    const bundle = fs.readFileSync(path.join(outDir, 'main.js'), 'utf8');
    expect(bundle).not.toMatch(/from "@cmc\//); // workspace packages are inside the bundle

    const { startTestSimulator } = await import('@cmc/master-sim/testing');
    const simDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-built-sim-'));
    const sim = await startTestSimulator({ certDir: simDir, port: 0, controlPort: 0 });
    // Run from a directory outside the repo: nothing may depend on the working directory.
    const child = spawn('sh', [path.join(appDir, 'scripts', 'run-bundle.sh')], {
      cwd: os.tmpdir(),
      env: {
        BFF_BUNDLE: path.join(outDir, 'main.js'),
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        MASTER_PORT: String(sim.port),
        MASTER_CA_FILE: path.join(simDir, 'ca.crt'),
        ADMIN_CERT_FILE: path.join(simDir, 'admin.crt'),
        ADMIN_KEY_FILE: path.join(simDir, 'admin_key.pem'),
        DATA_DIR: path.join(simDir, 'data'),
        SESSION_SECRET: 'b'.repeat(40),
        CONSOLE_ADMIN_PASSWORD: 'built-bundle-pw',
        PORT: '0',
      },
    });
    try {
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no listening line: ${out} ${err}`)),
          20_000,
        );
        child.stdout.on('data', () => {
          const m = /^(?=[^\n]*"msg":"listening")[^\n]*"url":"(http:\/\/127\.0\.0\.1:\d+)"/m.exec(
            out,
          );
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out} ${err}`)));
      });
      const login = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'built-bundle-pw' }),
      });
      expect(login.status).toBe(200);
      // `exec`: the pid is node's, started with the script's setting and option.
      const environ = fs.readFileSync(`/proc/${child.pid}/environ`, 'utf8').split('\0');
      expect(environ).toContain('MALLOC_ARENA_MAX=2');
      const argv = fs.readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0');
      expect(argv).toContain('--heap-growing-percent=50');
      expect(argv).toContain(path.join(outDir, 'main.js'));
      const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
      const list = await fetch(`${url}/api/v1/devices?pageSize=500`, { headers: { cookie } });
      const body = (await list.json()) as { total: number; items: Array<{ deviceID: number }> };
      expect(list.status).toBe(200);
      const simDevices = sim.control.state().devices.filter((d) => d.managed);
      expect(body.total).toBe(simDevices.length);
      expect(body.total).toBeGreaterThan(0);
      const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await sim.stop();
      fs.rmSync(simDir, { recursive: true, force: true });
    }
  });
});

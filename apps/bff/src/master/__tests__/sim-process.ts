// The simulator as a child process (its own CLI, src/main.ts), so a test can freeze it with SIGSTOP
// — a hung master: its kernel keeps the TCP connections, nothing answers — and thaw it with SIGCONT.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { testScenario } from '../../live/__tests__/live-world.ts';

const SIM_DIR = path.resolve(import.meta.dirname, '../../../../master-sim');

export interface SimProcess {
  port: number;
  controlUrl: string;
  certDir: string;
  freeze(): void;
  thaw(): void;
  stop(): Promise<void>;
}

export async function startSimProcess(dir: string, timeoutMs = 45_000): Promise<SimProcess> {
  const certDir = path.join(dir, 'certs');
  const scenario = path.join(dir, 'scenario.json');
  fs.writeFileSync(scenario, JSON.stringify(testScenario()));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SIM_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      SIM_HOST: '127.0.0.1',
      SIM_PORT: '0',
      SIM_CONTROL_PORT: '0',
      SIM_CERT_DIR: certDir,
      SIM_SCENARIO: scenario,
      // Async devices retry only after a minute: nothing changes unless the test asks for it.
      SIM_RECONNECT_DELAY_MS: '60000',
      SIM_SEED: '7',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGCONT'); // a frozen process cannot handle SIGTERM
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const grpc = /gRPC \(mutual TLS\) listening on 127\.0\.0\.1:(\d+)/.exec(stdout);
    const control = /control API on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
    if (grpc && control)
      return {
        port: Number(grpc[1]),
        controlUrl: control[1]!,
        certDir,
        freeze: () => child.kill('SIGSTOP'),
        thaw: () => child.kill('SIGCONT'),
        stop,
      };
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`simulator did not start (exit ${child.exitCode}): ${stderr.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

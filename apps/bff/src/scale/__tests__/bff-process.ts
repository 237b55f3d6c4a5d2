// One BFF instance as its own process, started exactly as in production (`src/main.ts` from the
// environment), so a test can SIGKILL it. Its JSON log lines are kept for the assertions.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const BFF_DIR = path.resolve(import.meta.dirname, '../../..');

export interface BffProcess {
  name: string;
  url: string;
  logs: Array<Record<string, unknown>>;
  /** Lease keys this instance took (log "lease: holding the master stream"). */
  heldLeases(): string[];
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function startBffProcess(
  name: string,
  env: Record<string, string>,
  timeoutMs = 45_000,
): Promise<BffProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: BFF_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  let stderr = '';
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        logs.push({ msg: line });
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const listening = logs.find((l) => l.msg === 'listening');
    if (listening) {
      return {
        name,
        url: String(listening.url),
        logs,
        heldLeases: () =>
          logs
            .filter((l) => l.msg === 'lease: holding the master stream')
            .map((l) => String(l.key)),
        kill,
      };
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      await kill('SIGKILL');
      throw new Error(
        `BFF ${name} did not start (exit ${child.exitCode}): ${stderr.slice(-2000)} ${JSON.stringify(logs.slice(-5))}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

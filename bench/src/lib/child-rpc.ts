// Request/response over a forked child's IPC channel: { id, cmd, ...args } -> { id, ok, result | error }.
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { benchEnv } from '../env.ts';

/**
 * tsx as this package resolves it: a bare `--import tsx` is resolved from the child's working
 * directory, which has no tsx when the tests run from the repository root of a clean clone.
 */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface ChildRpc {
  child: ChildProcess;
  pid: number;
  call<T>(cmd: string, args?: object, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

interface Reply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

export function forkChild(file: string): ChildRpc {
  const profileDir = benchEnv.clientCpuProfileDir();
  const child = fork(file, [], {
    execArgv: [
      '--import',
      TSX,
      '--max-old-space-size=2048',
      ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextID = 1;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      for (const w of waiting.values())
        w.reject(new Error(`child ${file} exited with code ${code}`));
      waiting.clear();
      resolve();
    }),
  );
  child.on('message', (raw: Reply) => {
    const w = waiting.get(raw.id);
    if (!w) return;
    waiting.delete(raw.id);
    if (raw.ok) w.resolve(raw.result);
    else w.reject(new Error(raw.error ?? 'child failed'));
  });
  return {
    child,
    pid: child.pid!,
    call<T>(cmd: string, args: object = {}, timeoutMs = 120_000): Promise<T> {
      const id = nextID++;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`child command ${cmd} timed out after ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(id, {
          resolve: (v) => {
            clearTimeout(timer);
            resolve(v as T);
          },
          reject: (e) => {
            clearTimeout(timer);
            reject(e);
          },
        });
        child.send({ id, cmd, ...args });
      });
    },
    async close() {
      if (child.exitCode === null) {
        child.send({ id: 0, cmd: 'exit' });
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** Child side: answers each command with its handler's result or error message. */
export function serveRpc(
  handlers: Record<string, (args: Record<string, unknown>) => unknown>,
): void {
  process.on('message', (msg: { id: number; cmd: string } & Record<string, unknown>) => {
    if (msg.cmd === 'exit') {
      process.exit(0);
    }
    const handler = handlers[msg.cmd];
    const reply = (r: Omit<Reply, 'id'>) => process.send?.({ id: msg.id, ...r });
    if (!handler) return reply({ ok: false, error: `unknown command ${msg.cmd}` });
    Promise.resolve()
      .then(() => handler(msg))
      .then(
        (result) => reply({ ok: true, result }),
        (error: unknown) =>
          reply({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
  });
}

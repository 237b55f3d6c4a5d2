// The BFF in its own process, started as production starts it (the bundle apps/bff/dist/main.js,
// built once per bench process, run by apps/bff/scripts/run-bundle.sh with the same node options and
// allocator setting as `pnpm -F @cmc/bff start`) with the settings in the environment, so its CPU
// and RSS are its own.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.ts';
import { now, sleep } from './clock.ts';
import type { SimWorld } from './sim-world.ts';
import { benchEnv } from '../env.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const ADMIN = { username: 'admin', password: 'bench-admin-password' };

export interface BffProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  /** Epoch ms of the spawn: a CPU profile's second s is about startedAt + s * 1000. */
  startedAt: number;
  /** Epoch ms when /readyz first answered 200 (to within `readyPollMs`). */
  readyAt: number;
  /** Event-loop delay, GC and memory of the BFF since the previous call (bff-probe.mjs). */
  probe(): Promise<BffProbe>;
  /** SIGTERM (the BFF drains and exits; a CPU profile, when asked for, is written then). */
  stop(): Promise<void>;
}

export interface BffProbe {
  at: number;
  loopDelayMs: { p50: number; p99: number; max: number };
  gc: { totalMs: number; maxPauseMs: number };
  memoryMB: {
    rss: number;
    heapUsed: number;
    heapTotal: number;
    external: number;
    arrayBuffers: number;
  };
}

const PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bff-probe.mjs');

let built = false;
/** Builds apps/bff/dist/main.js once per bench process (the same build `pnpm -F @cmc/bff start` runs). */
function buildBffOnce(): void {
  if (built) return;
  execFileSync('pnpm', ['-F', '@cmc/bff', 'build'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  built = true;
}

export interface BffOptions {
  /** Directory for `node --cpu-prof` output; no profiling when unset. */
  cpuProfileDir?: string;
  webDistDir?: string;
  /** How often /readyz is asked during start-up (default 200 ms). */
  readyPollMs?: number;
  /** More settings for the BFF (e.g. REDIS_URL, SESSION_SECRET, DATA_DIR of a shared database). */
  env?: Record<string, string>;
}

export async function startBffProcess(
  world: SimWorld,
  options: BffOptions = {},
): Promise<BffProcess> {
  const port = await freePort();
  const certDir = world.sim.certDir;
  const dataDir = options.env?.DATA_DIR ?? path.join(world.dir, `bff-${port}`);
  fs.mkdirSync(dataDir, { recursive: true });
  const probeFile = path.join(dataDir, `probe-${port}.json`);
  buildBffOnce();
  const execArgv = ['--import', PROBE];
  if (options.cpuProfileDir) {
    fs.mkdirSync(options.cpuProfileDir, { recursive: true });
    execArgv.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`);
  }
  const bffDir = path.join(REPO_ROOT, 'apps', 'bff');
  const startedAt = now();
  // `exec`s node: the child's pid is the BFF's.
  const child = spawn('sh', [path.join(bffDir, 'scripts', 'run-bundle.sh'), ...execArgv], {
    cwd: bffDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...benchEnv.inherited(),
      CMC_MODE: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      MASTER_IP: '127.0.0.1',
      MASTER_PORT: String(world.sim.port),
      MASTER_CA_FILE: path.join(certDir, 'ca.crt'),
      ADMIN_CERT_FILE: path.join(certDir, 'admin.crt'),
      ADMIN_KEY_FILE: path.join(certDir, 'admin_key.pem'),
      DATA_DIR: dataDir,
      CONSOLE_ADMIN_USER: ADMIN.username,
      CONSOLE_ADMIN_PASSWORD: ADMIN.password,
      WEB_DIST_DIR: options.webDistDir ?? path.join(REPO_ROOT, 'apps', 'web', 'dist'),
      // The bench breaks streams on purpose between levels; their warnings would drown the tables.
      LOG_LEVEL: 'error',
      BENCH_BFF_PROBE_FILE: probeFile,
      ...options.env,
    },
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  let readyAt: number;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the BFF exited with code ${child.exitCode} during start-up`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) {
        readyAt = now();
        break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('the BFF did not become ready within 60 s');
    }
    await sleep(options.readyPollMs ?? 200);
  }
  return {
    child,
    pid: child.pid!,
    url,
    startedAt,
    readyAt,
    async probe() {
      const asked = now();
      process.kill(child.pid!, 'SIGUSR2');
      for (;;) {
        try {
          const stats = JSON.parse(fs.readFileSync(probeFile, 'utf8')) as BffProbe;
          if (stats.at >= asked) return stats;
        } catch {
          // not written yet
        }
        // The probe answers from the BFF's event loop: on a saturated machine that loop can stall for
        // seconds, and the level's figures (bad as they are) are still worth recording.
        if (now() - asked > 30_000) throw new Error('the BFF probe did not answer within 30 s');
        await sleep(20);
      }
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}

/** Signs in over the REST API and returns the Cookie header value. */
export async function signIn(url: string, who = ADMIN): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  if (res.status !== 200)
    throw new Error(`sign-in of ${who.username} failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

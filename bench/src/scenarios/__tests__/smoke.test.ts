// Every scenario end to end on a tiny world (4 gateways, 400 devices) with levels of a fraction of
// a second: real simulator, real BFF bundle, real socket.io, real Redis and Chromium, results written
// to a temporary directory. It proves each scenario still runs and writes well-formed entries; it
// checks no timing (that is `pnpm bench`'s job, on the full worlds). The web app is built in the
// background while the other scenarios run (their levels are mostly waiting). The scenarios
// themselves run one after another: run at the same time on two loaded cores they starved each
// other past their timeouts.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../lib/bff-process.ts';
import { poolClientsProcesses } from '../../lib/coordinator.ts';
import type { SummaryEntry } from '../../lib/results.ts';
import { SMOKE_WORLD, type ScenarioOptions } from '../../lib/scenario-options.ts';
import { removeSharedCerts, worldLabel, WORLD_100K } from '../../lib/sim-world.ts';
import { runBrowser } from '../browser.ts';
import { runDeviceList } from '../device-list.ts';
import { runFanout } from '../fanout.ts';
import { runFanoutFloor } from '../fanout-floor.ts';
import { runLatency } from '../latency.ts';
import { runLatency100k } from '../latency-100k.ts';
import { runScaleOut } from '../scale-out.ts';
import { runStartRecovery } from '../start-recovery.ts';
import { benchEnv } from '../../env.ts';

const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmc-bench-smoke-'));
const smoke: ScenarioOptions = { smoke: { resultsDir } };
// Client processes are reused from scenario to scenario: each start costs more CPU than a smoke run.
const endPool = poolClientsProcesses();
/** The web app, built while the other scenarios run; the browser scenario awaits it. */
let webBuild: Promise<string>;
beforeAll(() => {
  webBuild = buildWeb(path.join(resultsDir, 'web-dist'));
  // Awaited by the browser test; a failure must not also be reported as unhandled here.
  webBuild.catch(() => {});
});
afterAll(async () => {
  await webBuild.catch(() => {});
  await endPool();
  removeSharedCerts();
  fs.rmSync(resultsDir, { recursive: true, force: true });
});

/** Entries are complete, name the world, and are the ones the result file and summary.json hold. */
function expectWellFormed(scenario: string, targets: SummaryEntry[], count: number): void {
  expect(targets).toHaveLength(count);
  for (const t of targets) {
    if (!t.name.startsWith('initial JS')) expect(t.name).toContain(worldLabel(SMOKE_WORLD));
    expect(Number.isFinite(t.measured), `${t.name}: measured ${t.measured}`).toBe(true);
    expect(t.measured).toBeGreaterThanOrEqual(0);
    expect(t.unit).not.toBe('');
    expect(t.target).toMatch(/^(<=|>=|=) /);
    expect(typeof t.met).toBe('boolean');
    expect(t.baselineIs).not.toBe('');
    expect(t.baseline === null || Number.isFinite(t.baseline)).toBe(true);
  }
  const file = JSON.parse(fs.readFileSync(path.join(resultsDir, `${scenario}.json`), 'utf8')) as {
    targets: SummaryEntry[];
  };
  expect(file.targets.map((t) => t.name)).toEqual(targets.map((t) => t.name));
  const summary = JSON.parse(
    fs.readFileSync(path.join(resultsDir, 'summary.json'), 'utf8'),
  ) as Array<SummaryEntry & { scenario: string }>;
  expect(summary.filter((s) => s.scenario === scenario).map((s) => s.name)).toEqual(
    targets.map((t) => t.name),
  );
}

function buildWeb(dist: string): Promise<string> {
  const args = ['-F', '@cmc/web', 'exec', 'vite', 'build', '--outDir', dist, '--emptyOutDir'];
  const child = spawn('pnpm', [...args, '--logLevel', 'error'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    // Vitest sets NODE_ENV=test, which would make Vite build React's development runtime.
    env: { ...benchEnv.inherited(), NODE_ENV: 'production' },
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(dist)
        : reject(new Error(`vite build of the web app exited with ${code}`)),
    );
  });
}

describe('bench scenarios, smoke-sized', () => {
  it('latency: floor, polling and socket.io levels', async () => {
    expectWellFormed('latency', await runLatency(smoke), 3);
  }, 90_000);

  it('fanout: 1 and 3 sessions', async () => {
    expectWellFormed('fanout', await runFanout(smoke), 3);
  }, 60_000);

  it('device-list: the whole list, and the 100k variant’s three pages', async () => {
    expectWellFormed('device-list', await runDeviceList(smoke), 1);
    expectWellFormed('device-list-100k', await runDeviceList(smoke, WORLD_100K), 3);
  }, 60_000);

  it('latency-100k: tenant viewers and admins as lean load sessions, two levels', async () => {
    expectWellFormed('latency-100k', await runLatency100k(smoke), 6);
    const result = JSON.parse(
      fs.readFileSync(path.join(resultsDir, 'latency-100k.json'), 'utf8'),
    ) as {
      levels: Array<{
        emitted: number;
        sessions: number;
        watchers: Record<
          string,
          {
            sockets?: {
              clients: number;
              admins: number;
              expected: number;
              latency: { count: number };
            };
            floor?: { latency: { count: number }; lost: number };
          }
        >;
      }>;
    };
    // Tenant viewers are matched with their own tenant's emits only, administrators with all.
    for (const level of result.levels) {
      const { raw, ...sessions } = level.watchers;
      // The raw witness follows one tenant: it owes that tenant's emits, not the world's.
      expect(raw?.floor?.latency.count, 'the raw witness matched no change').toBeGreaterThan(0);
      expect(raw?.floor?.lost).toBe(0);
      const fleets = Object.values(sessions).map((w) => w.sockets!);
      expect(fleets.reduce((n, s) => n + s.clients, 0)).toBe(level.sessions);
      const admins = fleets.reduce((n, s) => n + s.admins, 0);
      const expected = fleets.reduce((n, s) => n + s.expected, 0);
      expect(admins).toBeGreaterThan(0);
      expect(admins).toBeLessThan(level.sessions);
      expect(expected).toBeGreaterThan(admins * level.emitted);
      expect(expected).toBeLessThan(level.sessions * level.emitted);
      // The lean load sessions read their frames: changes arrived and were matched with emits.
      for (const [name, w] of Object.entries(sessions))
        expect(w.sockets!.latency.count, `${name} matched no change`).toBeGreaterThan(0);
    }
  }, 90_000);

  it('start-recovery: a start and a stream break that converge', async () => {
    const targets = await runStartRecovery(smoke);
    expectWellFormed('start-recovery', targets, 2);
  }, 60_000);

  it('fanout-floor: frames to plain TCP connections, the probe written first', async () => {
    const [level] = await runFanoutFloor(smoke);
    expect(level!.probe.frames).toBeGreaterThan(0);
    // Every send reaches every connection: the probe's frames times the sessions.
    expect(level!.load.frames).toBe(level!.probe.frames * (level!.level.sessions - 1));
    expect(level!.probe.changeAge.count).toBe(level!.probe.frames * 10);
    expect(fs.existsSync(path.join(resultsDir, 'fanout-floor.json'))).toBe(true);
  }, 60_000);

  it('scale-out: two BFFs on a real redis-server, a probe on each', async () => {
    expectWellFormed('scale-out', await runScaleOut(smoke), 5);
  }, 90_000);

  // The 100k variant only: it runs the same steps as the 10k one plus the filter (time in CI).
  it('browser: the 100k variant (paged page, UI filter) against a fresh build of the web app', async () => {
    const dist = await webBuild;
    expectWellFormed('browser-100k', await runBrowser(smoke, WORLD_100K, dist), 4);
  }, 120_000);
});

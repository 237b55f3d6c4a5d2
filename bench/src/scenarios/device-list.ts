// Scenario 3: the device list through the BFF vs the GetDeviceList calls a client without the BFF's
// state needs for the same answer (every gateway of the user, in parallel, raw grpc-js), interleaved
// round by round so both see the same noise. Both clients run in the client process, apart from the
// simulator (clients/device-list-rounds.ts).
// - 10,000 devices (issue 6): the whole list in one page (pageSize=10000), <= 1.5x direct.
// - 100,000 devices (issue 12): the first page of 1,000 rows, default sort, one filtered by status
//   and one sorted by IP address: each p50 <= 50 ms and <= 1.2x direct.
import { failureStatuses } from '@cmc/api';
import { startBffProcess, signIn } from '../lib/bff-process.ts';
import { LIGHT_JOIN } from '../lib/fleet-plan.ts';
import type { DeviceListRounds, DeviceListRoundsArgs } from '../clients/device-list-rounds.ts';
import { masterAccess, startClientsProcess } from '../lib/coordinator.ts';
import { isMain, runMain } from '../lib/main-guard.ts';
import { entry, printTable, summaryRows, writeResult, type SummaryEntry } from '../lib/results.ts';
import { pick, worldFor, type ScenarioOptions } from '../lib/scenario-options.ts';
import {
  startSimWorld,
  worldLabel,
  WORLD_100K,
  WORLD_10K,
  type WorldSize,
} from '../lib/sim-world.ts';
import { distribution } from '../lib/stats.ts';
import { benchEnv } from '../env.ts';

const FULL = '/api/v1/devices?pageSize=10000';
const PAGES = [
  { what: 'first page', path: '/api/v1/devices?page=1&pageSize=1000' },
  {
    what: 'first page filtered by status (failing)',
    path: `/api/v1/devices?status=${failureStatuses.join(',')}&page=1&pageSize=1000`,
  },
  {
    what: 'first page sorted by IP address',
    path: '/api/v1/devices?sort=IPAddr&page=1&pageSize=1000',
  },
];

export async function runDeviceList(
  options: ScenarioOptions = {},
  size: WorldSize = WORLD_10K,
): Promise<SummaryEntry[]> {
  const paged = size.devices > WORLD_10K.devices;
  const world = await startSimWorld(worldFor(options, size));
  const label = worldLabel(world.size);
  const bff = await startBffProcess(world, { cpuProfileDir: options.cpuProfileDir });
  const clients = startClientsProcess();
  try {
    const cookie = await signIn(bff.url);
    // A browser showing the Devices page has its live session open: so does the client here (it
    // gets no changes: nothing churns).
    await clients.call('sockets', {
      url: bff.url,
      cookies: { admin: cookie },
      viewers: [{ kind: 'admin' }],
      auth: LIGHT_JOIN,
    });
    const requests = paged ? PAGES : [{ what: 'whole list', path: FULL }];
    const rounds = pick(options, paged ? 40 : 200, 3);
    const warmup = pick(options, paged ? 3 : 10, 1);
    const args: DeviceListRoundsArgs = {
      bffUrl: bff.url,
      cookie,
      access: masterAccess(world),
      tenantOf: world.tenantOf,
      paths: requests.map((r) => r.path),
      rounds,
      warmup,
    };
    const result = await clients.call<DeviceListRounds>('deviceListRounds', args, 900_000);
    const first = result.bff[0]!;
    if (first.total !== result.directRows)
      throw new Error(`the BFF listed ${first.total} devices, the master ${result.directRows}`);
    const d = distribution(result.directTimes);
    const table = [
      ...result.bff.map((b, i) => {
        const s = distribution(b.times);
        return {
          path: `BFF ${requests[i]!.what}: GET ${b.path}`,
          total: b.total,
          items: b.items,
          KB: b.responseBytes / 1024,
          p50: s.p50,
          p95: s.p95,
          p99: s.p99,
          max: s.max,
          'p50 / direct': s.p50 / d.p50,
        };
      }),
      {
        path: `direct GetDeviceList x${Object.keys(world.tenantOf).length} gateways (grpc-js)`,
        total: result.directRows,
        items: result.directRows,
        KB: null,
        p50: d.p50,
        p95: d.p95,
        p99: d.p99,
        max: d.max,
        'p50 / direct': 1,
      },
    ];
    printTable(`Device list (ms), ${rounds} rounds interleaved, ${label}`, table);
    const targets = result.bff.map((b, i) => {
      const s = distribution(b.times);
      return paged
        ? entry({
            name: `BFF device list ${requests[i]!.what} p50 ${label}`,
            measured: s.p50,
            unit: 'ms',
            target: '<= 50 and <= 1.2x direct',
            baseline: d.p50,
            baselineIs: 'direct GetDeviceList of every gateway of the user p50',
            met: s.p50 <= 50 && s.p50 <= 1.2 * d.p50,
          })
        : entry({
            name: `BFF device list p50 ${label}`,
            measured: s.p50,
            unit: 'ms',
            target: '<= 1.5x direct',
            baseline: d.p50,
            baselineIs: 'direct GetDeviceList of every gateway p50',
            met: s.p50 <= 1.5 * d.p50,
          });
    });
    printTable('Targets', summaryRows(targets));
    writeResult(
      paged ? 'device-list-100k' : 'device-list',
      {
        config: { world: world.size, rounds, warmup, paths: args.paths },
        rows: table,
        bff: result.bff.map((b) => ({ ...b, times: undefined, latency: distribution(b.times) })),
        direct: d,
        targets,
      },
      options.smoke?.resultsDir,
    );
    return targets;
  } finally {
    await clients.close();
    await bff.stop();
    await world.stop();
  }
}

if (isMain(import.meta.url))
  runMain(() =>
    runDeviceList(
      { cpuProfileDir: benchEnv.cpuProfileDir() },
      process.argv.includes('100k') ? WORLD_100K : WORLD_10K,
    ),
  );

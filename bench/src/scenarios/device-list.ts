// Scenario 3: the 10,000-device list through the BFF (GET /api/v1/devices?pageSize=10000, which
// reads every gateway's list over gRPC) vs the same GetDeviceList calls made directly (all 100
// gateways in parallel, raw grpc-js), 200 times each, interleaved so both see the same noise. Both
// clients run in the client process, apart from the simulator (clients/device-list-rounds.ts).
import { startBffProcess, signIn } from '../lib/bff-process.ts';
import type { DeviceListRounds, DeviceListRoundsArgs } from '../clients/device-list-rounds.ts';
import { masterAccess, startClientsProcess } from '../lib/coordinator.ts';
import { isMain, runMain } from '../lib/main-guard.ts';
import { entry, printTable, summaryRows, writeResult, type SummaryEntry } from '../lib/results.ts';
import { startSimWorld } from '../lib/sim-world.ts';
import { distribution } from '../lib/stats.ts';
import { benchEnv } from '../env.ts';

const ROUNDS = 200;
const WARMUP = 10;

export async function runDeviceList(
  options: { cpuProfileDir?: string } = {},
): Promise<SummaryEntry[]> {
  const world = await startSimWorld();
  const bff = await startBffProcess(world, options);
  const clients = startClientsProcess();
  try {
    const cookie = await signIn(bff.url);
    const args: DeviceListRoundsArgs = {
      bffUrl: bff.url,
      cookie,
      access: masterAccess(world),
      tenantOf: world.tenantOf,
      rounds: ROUNDS,
      warmup: WARMUP,
    };
    const { bffTimes, directTimes, rows, responseBytes } = await clients.call<DeviceListRounds>(
      'deviceListRounds',
      args,
      600_000,
    );
    if (rows.bff !== rows.direct)
      throw new Error(`the BFF listed ${rows.bff} devices, the master ${rows.direct}`);
    const b = distribution(bffTimes);
    const d = distribution(directTimes);
    const table = [
      {
        path: 'BFF GET /api/v1/devices?pageSize=10000',
        devices: rows.bff,
        p50: b.p50,
        p95: b.p95,
        p99: b.p99,
        max: b.max,
      },
      {
        path: 'direct GetDeviceList x100 gateways (grpc-js)',
        devices: rows.direct,
        p50: d.p50,
        p95: d.p95,
        p99: d.p99,
        max: d.max,
      },
      {
        path: 'ratio BFF / direct',
        devices: null,
        p50: b.p50 / d.p50,
        p95: b.p95 / d.p95,
        p99: b.p99 / d.p99,
        max: b.max / d.max,
      },
    ];
    printTable(
      `Device list (ms), ${ROUNDS} rounds interleaved; BFF response ${(responseBytes / 2 ** 20).toFixed(2)} MB of JSON`,
      table,
    );
    const targets = [
      entry({
        name: 'BFF device list p50 (10,000 devices)',
        measured: b.p50,
        unit: 'ms',
        target: '<= 1.5x direct',
        baseline: d.p50,
        baselineIs: 'direct GetDeviceList of every gateway p50',
        met: b.p50 <= 1.5 * d.p50,
      }),
    ];
    printTable('Targets', summaryRows(targets));
    writeResult('device-list', {
      config: { rounds: ROUNDS, warmup: WARMUP },
      responseBytes,
      rows: table,
      bff: b,
      direct: d,
      targets,
    });
    return targets;
  } finally {
    await clients.close();
    await bff.stop();
    await world.stop();
  }
}

if (isMain(import.meta.url))
  runMain(() => runDeviceList({ cpuProfileDir: benchEnv.cpuProfileDir() }));

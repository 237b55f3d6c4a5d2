// Scenario 3: the 10,000-device list through the BFF (GET /api/v1/devices?pageSize=10000, which
// reads every gateway's list over gRPC) vs the same GetDeviceList calls made directly (all 100
// gateways in parallel, raw grpc-js), 200 times each, interleaved so both see the same noise.
import { startBffProcess, signIn } from '../lib/bff-process.ts';
import { now } from '../lib/clock.ts';
import { masterAccess } from '../lib/coordinator.ts';
import { isMain, runMain } from '../lib/main-guard.ts';
import { RawMaster } from '../lib/raw-gsdk.ts';
import { entry, printTable, summaryRows, writeResult, type SummaryEntry } from '../lib/results.ts';
import { startSimWorld } from '../lib/sim-world.ts';
import { distribution } from '../lib/stats.ts';

const ROUNDS = 200;
const WARMUP = 10;

export async function runDeviceList(
  options: { cpuProfileDir?: string } = {},
): Promise<SummaryEntry[]> {
  const world = await startSimWorld();
  const bff = await startBffProcess(world, options);
  const master = new RawMaster(masterAccess(world));
  try {
    const cookie = await signIn(bff.url);
    let responseBytes = 0;
    const viaBff = async (): Promise<number> => {
      const res = await fetch(`${bff.url}/api/v1/devices?pageSize=10000`, { headers: { cookie } });
      if (!res.ok) throw new Error(`GET /api/v1/devices: ${res.status} ${await res.text()}`);
      const text = await res.text();
      responseBytes = text.length;
      const body = JSON.parse(text) as { items: unknown[]; total: number };
      return body.items.length;
    };
    const direct = async (): Promise<number> => {
      const lists = await Promise.all(
        Object.entries(world.tenantOf).map(([gatewayID, tenantID]) =>
          master.getDeviceList(tenantID, gatewayID),
        ),
      );
      return lists.reduce((n, l) => n + l.length, 0);
    };
    for (let i = 0; i < WARMUP; i++) {
      await viaBff();
      await direct();
    }
    const bffTimes: number[] = [];
    const directTimes: number[] = [];
    let rows = { bff: 0, direct: 0 };
    for (let i = 0; i < ROUNDS; i++) {
      // Alternate which goes first, so neither always follows the other's garbage.
      const order = i % 2 === 0 ? (['bff', 'direct'] as const) : (['direct', 'bff'] as const);
      for (const which of order) {
        const t0 = now();
        const n = which === 'bff' ? await viaBff() : await direct();
        (which === 'bff' ? bffTimes : directTimes).push(now() - t0);
        rows = { ...rows, [which]: n };
      }
    }
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
    master.close();
    await bff.stop();
    await world.stop();
  }
}

if (isMain(import.meta.url))
  runMain(() => runDeviceList({ cpuProfileDir: process.env.BENCH_CPU_PROFILE_DIR }));

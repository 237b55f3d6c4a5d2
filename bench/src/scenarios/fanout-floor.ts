// The fan-out floor: what one Node process on this machine can deliver to as many loopback
// connections as a latency level has, with everything the BFF does taken away but the writes. A
// sender (clients/floor-sender.ts) writes ready-made frames of the level's sizes to every connection,
// spaced by the BFF's own adaptive window, and may spend a share of its time on a stand-in for the
// per-change work; a second process stands in for the simulator; the receivers (a probe process
// holding the first connection written, a load process holding the rest) find frames by position
// and do nothing else. The change age of a frame's changes (a steady stream between two sends) is
// the figure to hold against the latency targets: the BFF can only be slower than this.
// Not a target of issue 12: a reference for its live-latency entries (bench/README.md).
import { forkChild, type ChildRpc } from '../lib/child-rpc.ts';
import { clockOffset } from '../lib/coordinator.ts';
import { isMain, runMain } from '../lib/main-guard.ts';
import { printTable, writeResult } from '../lib/results.ts';
import { pick, type ScenarioOptions } from '../lib/scenario-options.ts';
import { sleep } from '../lib/clock.ts';
import type { FloorReport } from '../clients/floor-receivers.ts';
import type { FloorSendResult } from '../clients/floor-sender.ts';

export interface FloorLevel {
  name: string;
  sessions: number;
  /** Administrator sessions (the probe first) get big frames, the others small ones. */
  bigSessions: number;
  bigBytes: number;
  smallBytes: number;
  /** Share of the sender's time on the per-change work stand-in (the BFF's non-send CPU). */
  workShare: number;
  /** Share of a core the simulator stand-in takes. */
  simulatorShare: number;
}

/**
 * The shapes of latency-100k's two levels, from its 2026-12-02 measurements: at 10,000/s the BFF
 * sends ~22 times a second, so an administrator's frame holds ~450 changes (~40 KB of JSON) and a
 * tenant viewer's ~45 (~4 KB); 40 % of the BFF's time went to other work than the sends, and the
 * coordinator (simulator and emit log) took 34 % of a core. At 1,000/s: ~150 sends a second,
 * ~7 and ~1 change per frame, 15 % other work, 10 % for the simulator.
 */
export const FLOOR_LEVELS: FloorLevel[] = [
  {
    name: '1,000/s shape, 200 sessions',
    sessions: 200,
    bigSessions: 11,
    bigBytes: 600,
    smallBytes: 120,
    workShare: 0.15,
    simulatorShare: 0.1,
  },
  {
    name: '10,000/s shape, 1,000 sessions',
    sessions: 1000,
    bigSessions: 51,
    bigBytes: 40_000,
    smallBytes: 4_000,
    workShare: 0.4,
    simulatorShare: 0.34,
  },
  {
    name: '10,000/s shape, 1,000 sessions, writes only',
    sessions: 1000,
    bigSessions: 51,
    bigBytes: 40_000,
    smallBytes: 4_000,
    workShare: 0,
    simulatorShare: 0,
  },
];

/** Time for the frames of a finished send to be read. */
const SETTLE_MS = 500;

const SMOKE_LEVELS: FloorLevel[] = [
  { ...FLOOR_LEVELS[1]!, name: 'smoke', sessions: 4, bigSessions: 2 },
];

interface FloorLevelResult {
  level: FloorLevel;
  sender: FloorSendResult;
  probe: FloorReport;
  load: FloorReport;
}

const client = (name: string): ChildRpc =>
  forkChild(new URL(`../clients/${name}.ts`, import.meta.url).pathname);

async function runLevel(
  level: FloorLevel,
  seconds: number,
  warmUpSeconds: number,
): Promise<FloorLevelResult> {
  const sender = client('floor-sender');
  const probe = client('floor-receivers');
  const load = client('floor-receivers');
  const simulator = client('cpu-stand-in');
  const all: ChildRpc[] = [sender, probe, load, simulator];
  try {
    const { port } = await sender.call<{ port: number }>('listen');
    const sizes = {
      bigSessions: level.bigSessions,
      bigBytes: level.bigBytes,
      smallBytes: level.smallBytes,
    };
    // The probe's connection is accepted first, so it is the first written in every send.
    await probe.call('connect', { port, count: 1, firstIndex: 0, ...sizes });
    await sender.call('accepted', { sessions: 1 });
    await load.call('connect', { port, count: level.sessions - 1, firstIndex: 1, ...sizes });
    await sender.call('accepted', { sessions: level.sessions });
    const senderOffset = (await clockOffset(sender)).offsetMs;
    const shift = async (r: ChildRpc) => senderOffset - (await clockOffset(r)).offsetMs;
    const [probeShift, loadShift] = [await shift(probe), await shift(load)];
    await simulator.call('burn', { share: level.simulatorShare });
    const sendArgs = { ...sizes, workShare: level.workShare };
    await sender.call('send', { ...sendArgs, seconds: warmUpSeconds });
    // The warm-up's last frames are read before the logs are cleared, so none is half counted.
    await sleep(SETTLE_MS);
    await Promise.all([probe.call('reset'), load.call('reset')]);
    const sent = await sender.call<FloorSendResult>(
      'send',
      { ...sendArgs, seconds },
      (seconds + 60) * 1000,
    );
    await simulator.call('burn', { share: 0 });
    // The last frames are still on their way.
    await sleep(SETTLE_MS);
    return {
      level,
      sender: sent,
      probe: await probe.call<FloorReport>('report', { shiftMs: probeShift }),
      load: await load.call<FloorReport>('report', { shiftMs: loadShift }),
    };
  } finally {
    await Promise.all(all.map((c) => c.close()));
  }
}

const ms = (v: number) => Math.round(v * 10) / 10;

export async function runFanoutFloor(options: ScenarioOptions = {}): Promise<FloorLevelResult[]> {
  const levels = pick(options, FLOOR_LEVELS, SMOKE_LEVELS);
  const [seconds, warmUp] = pick(options, [10, 1], [0.3, 0.1]);
  const results: FloorLevelResult[] = [];
  for (const level of levels) {
    const r = await runLevel(level, seconds, warmUp);
    results.push(r);
    process.stdout.write(
      `  ${level.name}: ${r.sender.framesPerSessionPerSecond.toFixed(1)} sends/s\n`,
    );
  }
  printTable(
    'Fan-out floor (no BFF: plain frames to loopback TCP; ms, a steady change stream -> frame read)',
    results.map((r) => ({
      level: r.level.name,
      'work share': r.level.workShare,
      'simulator share': r.level.simulatorShare,
      'sends/s': ms(r.sender.framesPerSessionPerSecond),
      'write µs': ms(r.sender.writeMicros),
      'sender cpu%': Math.round(r.sender.cpuPercent),
      'probe (first written) p50': ms(r.probe.changeAge.p50),
      'probe p99': ms(r.probe.changeAge.p99),
      'all others p50': ms(r.load.changeAge.p50),
      'all others p99': ms(r.load.changeAge.p99),
      'all others max': ms(r.load.changeAge.max),
      'load cpu%': Math.round(r.load.cpuPercent),
      frames: r.probe.frames + r.load.frames,
    })),
  );
  writeResult(
    'fanout-floor',
    { targets: [], config: { seconds, warmUpSeconds: warmUp }, levels: results },
    options.smoke?.resultsDir,
  );
  return results;
}

if (isMain(import.meta.url)) runMain(() => runFanoutFloor());

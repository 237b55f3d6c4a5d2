// The fan-out floor's receivers: plain TCP connections that find each frame by position and log
// (sent, previous send, arrival) for it, nothing else; the latencies are worked out when asked, after
// the run. Driven over IPC by scenarios/fanout-floor.ts (one process for the probe, one for the rest).
import net from 'node:net';
import { serveRpc } from '../lib/child-rpc.ts';
import { now } from '../lib/clock.ts';
import { changeAges, FrameReader } from '../lib/floor-frames.ts';
import { GrowableFloat64 } from '../lib/growable.ts';
import { distribution, type Distribution } from '../lib/stats.ts';

export interface FloorConnectArgs {
  port: number;
  count: number;
  /** Index (in the sender's accept order) of this process's first connection. */
  firstIndex: number;
  bigSessions: number;
  bigBytes: number;
  smallBytes: number;
}

export interface FloorReport {
  frames: number;
  /** Send began -> frame's head read. */
  sendToArrival: Distribution;
  /** A steady stream of changes -> frame's head read (lib/floor-frames.ts changeAges). */
  changeAge: Distribution;
  cpuPercent: number;
}

/** Changes each frame stands for in the change-age figures. */
const CHANGES_PER_FRAME = 10;

const sentAts = new GrowableFloat64();
const previousAts = new GrowableFloat64();
const arrivals = new GrowableFloat64();
const connections: net.Socket[] = [];
let cpuFrom = process.cpuUsage();
let cpuFromAt = performance.now();

async function connect(a: FloorConnectArgs): Promise<{ connected: number }> {
  for (let i = 0; i < a.count; i++) {
    const size = a.firstIndex + i < a.bigSessions ? a.bigBytes : a.smallBytes;
    const reader = new FrameReader(size, (sentAt, previousAt) => {
      sentAts.push(sentAt);
      previousAts.push(previousAt);
      arrivals.push(now());
    });
    const socket = net.connect(a.port, '127.0.0.1');
    socket.on('data', (chunk: Buffer) => reader.push(chunk));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    socket.on('error', () => socket.destroy());
    connections.push(socket);
  }
  cpuFrom = process.cpuUsage();
  cpuFromAt = performance.now();
  return { connected: connections.length };
}

/** `shiftMs`: added to every latency (this process's clock offset against the sender's). */
function report(shiftMs: number): FloorReport {
  const cpu = process.cpuUsage(cpuFrom);
  const elapsed = performance.now() - cpuFromAt;
  const latencies: number[] = [];
  const ages: number[] = [];
  for (let i = 0; i < arrivals.length; i++) {
    const arrived = arrivals.get(i) + shiftMs;
    latencies.push(arrived - sentAts.get(i));
    changeAges(arrived, sentAts.get(i), previousAts.get(i), CHANGES_PER_FRAME, ages);
  }
  return {
    frames: arrivals.length,
    sendToArrival: distribution(latencies),
    changeAge: distribution(ages),
    cpuPercent: ((cpu.user + cpu.system) / 1000 / elapsed) * 100,
  };
}

serveRpc({
  clock: () => ({ now: now() }),
  connect: (a) => connect(a as unknown as FloorConnectArgs),
  /** Forgets what was logged (after the warm-up). */
  reset: () => {
    sentAts.clear();
    previousAts.clear();
    arrivals.clear();
    cpuFrom = process.cpuUsage();
    cpuFromAt = performance.now();
    return { ok: true };
  },
  report: (a) => report(a.shiftMs as number),
});

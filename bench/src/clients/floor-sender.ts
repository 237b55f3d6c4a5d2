// The fan-out floor's sender: a Node process doing nothing but what a live path must do at the
// least, one write of a ready-made frame to every connection per send, sends spaced by the BFF's own
// adaptive window (live/batch-window.ts), plus a stand-in for the per-change work (decode, state,
// history, GC) as a share of its time spent busy in 1 ms slices between sends. Plain TCP on
// loopback: no WebSocket framing, no JSON, no socket.io. Driven over IPC by scenarios/fanout-floor.ts.
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { adaptiveWindow, BatchWindow } from '@cmc/bff/batch-window';
import { serveRpc } from '../lib/child-rpc.ts';
import { busyFor, now } from '../lib/clock.ts';
import { stampedFrame } from '../lib/floor-frames.ts';

export interface FloorSendArgs {
  seconds: number;
  /** Share of the sender's time (0..1) spent on the per-change work stand-in. */
  workShare: number;
  /** The first `bigSessions` connections (administrators) get `bigBytes` frames, the rest `smallBytes`. */
  bigSessions: number;
  bigBytes: number;
  smallBytes: number;
}

export interface FloorSendResult {
  sends: number;
  writes: number;
  /** Mean time of one write, the send loop's own JavaScript included. */
  writeMicros: number;
  framesPerSessionPerSecond: number;
  cpuPercent: number;
}

/** The hub's bound (apps/bff: LIVE_BATCH_WINDOW_MS's default). */
const WINDOW_MAX_MS = 10;

const sockets: net.Socket[] = [];
const server = net.createServer((socket) => {
  socket.setNoDelay(true);
  socket.on('error', () => socket.destroy());
  sockets.push(socket);
});

function send(args: FloorSendArgs): Promise<FloorSendResult> {
  const window = new BatchWindow(adaptiveWindow(WINDOW_MAX_MS));
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let previousAt = now();
  let sends = 0;
  let writes = 0;
  let writeMs = 0;
  let lastWork = performance.now();
  const work = setInterval(() => {
    const t = performance.now();
    busyFor((t - lastWork) * args.workShare);
    lastWork = performance.now();
  }, 1);
  return new Promise((resolve) => {
    const cycle = () => {
      const sentAt = now();
      const big = stampedFrame(args.bigBytes, sentAt, previousAt);
      const small = stampedFrame(args.smallBytes, sentAt, previousAt);
      previousAt = sentAt;
      const t0 = performance.now();
      for (let i = 0; i < sockets.length; i++)
        sockets[i]!.write(i < args.bigSessions ? big : small);
      const ms = performance.now() - t0;
      sends += 1;
      writes += sockets.length;
      writeMs += ms;
      const elapsed = performance.now() - started;
      if (elapsed < args.seconds * 1000) {
        setTimeout(cycle, window.next(ms));
        return;
      }
      clearInterval(work);
      const cpu = process.cpuUsage(cpuStart);
      resolve({
        sends,
        writes,
        writeMicros: (writeMs * 1000) / Math.max(writes, 1),
        framesPerSessionPerSecond: sends / (elapsed / 1000),
        cpuPercent: ((cpu.user + cpu.system) / 1000 / elapsed) * 100,
      });
    };
    cycle();
  });
}

serveRpc({
  clock: () => ({ now: now() }),
  listen: () =>
    new Promise((resolve) =>
      server.listen(0, '127.0.0.1', () =>
        resolve({ port: (server.address() as net.AddressInfo).port }),
      ),
    ),
  /** Resolves once `sessions` connections have been accepted (they are written in that order). */
  accepted: async (a) => {
    const deadline = performance.now() + 30_000;
    while (sockets.length < (a.sessions as number)) {
      if (performance.now() > deadline)
        throw new Error(`floor: ${sockets.length} of ${String(a.sessions)} connections accepted`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return { accepted: sockets.length };
  },
  send: (a) => send(a as unknown as FloorSendArgs),
});

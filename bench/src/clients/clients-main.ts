// The client process: socket.io sessions and the master-side baselines, apart from the BFF and the
// simulator so their CPU is not shared with what they measure. Driven over IPC by a scenario.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { now } from '../lib/clock.ts';
import type { ArrivalLog, PlainChangeLog } from '../lib/growable.ts';
import { matchPolled, matchPushed } from '../lib/matcher.ts';
import type { MasterAccess } from '../lib/raw-gsdk.ts';
import { distribution } from '../lib/stats.ts';
import { serveRpc } from '../lib/child-rpc.ts';
import { convergence, type ConvergenceArgs } from './convergence.ts';
import { deviceListRounds, type DeviceListRoundsArgs } from './device-list-rounds.ts';
import { FloorStreams, Poller } from './master-watchers.ts';
import { emitsFor, tenantsEmits, type Viewer } from '../lib/tenant-emits.ts';
import { SocketFleet, type FleetCookies } from './socket-fleet.ts';
import { LeanFleet } from './lean-fleet.ts';

const fleet = new SocketFleet();
/** Load sessions (`sockets` with `lean: true`): raw WebSockets that scan their frames. */
const lean = new LeanFleet();
let floor: FloorStreams | undefined;
let poller: Poller | undefined;
const loopDelay = monitorEventLoopDelay({ resolution: 5 });

/** Every session of this process, socket.io clients first, for matching. */
function sessions(): Array<{ viewer: Viewer; log: ArrivalLog; connected: boolean }> {
  return [
    ...fleet.clients.map((c) => ({ viewer: c.viewer, log: c.log, connected: c.socket.connected })),
    ...lean.clients.map((c) => ({ viewer: c.viewer, log: c.log, connected: c.isConnected })),
  ];
}

/** Arrival times moved onto the coordinator's clock (offset measured over IPC). */
function shifted(log: PlainChangeLog, offsetMs: number): PlainChangeLog {
  return { ...log, times: log.times.map((t) => t - offsetMs) };
}

serveRpc({
  clock: () => ({ now: now() }),
  /**
   * `{url, cookie, count}`: that many administrators; `{url, cookies, viewers, auth}`: a mix;
   * with `lean: true` the mix as lean sessions (load, not probes).
   */
  sockets: (a) =>
    a.lean
      ? lean.connect(a.url as string, a.cookies as FleetCookies, a.viewers as Viewer[], {
          auth: a.auth as Record<string, unknown> | undefined,
        })
      : a.viewers
        ? fleet.connect(a.url as string, a.cookies as FleetCookies, a.viewers as Viewer[], {
            auth: a.auth as Record<string, unknown> | undefined,
          })
        : fleet.connect(
            a.url as string,
            { admin: a.cookie as string },
            Array.from({ length: a.count as number }, () => ({ kind: 'admin' }) as const),
          ),
  expectResync: () => {
    fleet.expectResync();
    return { ok: true };
  },
  waitLive: async () => ({ ms: await fleet.waitLive() }),
  closeSockets: () => {
    fleet.close();
    lean.close();
    return { ok: true };
  },
  /** `{access, tenants}`: raw status streams; `partial: true` when they are not every tenant's. */
  floor: async (a) => {
    floor?.close();
    floor = new FloorStreams(a.access as MasterAccess, a.partial === true);
    await floor.open(a.tenants as string[]);
    return { streams: (a.tenants as string[]).length };
  },
  poll: async (a) => {
    poller = new Poller(a.access as MasterAccess, a.tenantOf as Record<string, string>);
    await poller.start(a.intervalMs as number);
    return { ok: true };
  },
  /** Changes logged so far by every watcher here: stable between two calls = nothing more arriving. */
  arrivals: () => ({
    count:
      sessions().reduce((n, c) => n + c.log.length, 0) +
      (floor?.log.length ?? 0) +
      (poller?.log.length ?? 0),
  }),
  record: (a) => {
    const on = a.on as boolean;
    fleet.recording = on;
    lean.recordingOn = on;
    if (floor) floor.recording = on;
    if (poller) poller.recording = on;
    if (on) {
      loopDelay.reset();
      loopDelay.enable();
      fleet.clearLogs();
      lean.clearLogs();
      floor?.log.clear();
      poller?.log.clear();
    }
    if (!on) loopDelay.disable();
    return { ok: true };
  },
  /** Joins the emits with what each watcher saw; returns distributions, not raw samples. */
  match: (a) => {
    const emits = a.emits as PlainChangeLog;
    const byTenant = a.byTenant as Record<string, PlainChangeLog> | undefined;
    const offset = a.offsetMs as number;
    const ms = (ns: number) => ns / 1e6;
    const out: Record<string, unknown> = {
      loopDelay: {
        p50: ms(loopDelay.percentile(50)),
        p99: ms(loopDelay.percentile(99)),
        max: ms(loopDelay.max),
      },
    };
    lean.checkErrors();
    const all = sessions();
    if (all.length > 0) {
      const latencies: number[] = [];
      let lost = 0;
      let expected = 0;
      for (const c of all) {
        const own = emitsFor(c.viewer, emits, byTenant);
        const r = matchPushed(own, shifted(c.log.toPlain(), offset));
        for (const l of r.latencies) latencies.push(l);
        lost += r.lost;
        expected += own.times.length;
      }
      out.sockets = {
        clients: all.length,
        admins: all.filter((c) => c.viewer.kind === 'admin').length,
        latency: distribution(latencies),
        lost,
        expected,
        gaps: fleet.gaps() + lean.gaps(),
        /** `deltas` frames the lean sessions logged (one write of the BFF each). */
        leanFrames: lean.framesLogged(),
        // A session the BFF (or a ping timeout) dropped receives nothing more: its changes are lost.
        disconnected: all.filter((c) => !c.connected).length,
      };
    }
    if (floor) {
      const own = floor.partial ? tenantsEmits(floor.tenants, byTenant) : emits;
      const r = matchPushed(own, shifted(floor.log.toPlain(), offset));
      out.floor = { latency: distribution(r.latencies), lost: r.lost, errors: floor.errors };
    }
    if (poller) {
      const r = matchPolled(
        emits,
        shifted(poller.log.toPlain(), offset),
        poller.lastPollAt - offset,
      );
      out.poll = { latency: distribution(r.latencies), missed: r.lost, polls: poller.polls };
    }
    return out;
  },
  deviceListRounds: (a) => deviceListRounds(a as unknown as DeviceListRoundsArgs),
  convergence: (a) => convergence(a as unknown as ConvergenceArgs),
  /** Back to a fresh process's state (a pooled process handed to the next scenario). */
  reset: () => {
    fleet.close();
    lean.close();
    fleet.recording = false;
    floor?.close();
    poller?.close();
    floor = undefined;
    poller = undefined;
    loopDelay.disable();
    return { ok: true };
  },
  stopBaselines: () => {
    floor?.close();
    poller?.close();
    floor = undefined;
    poller = undefined;
    return { ok: true };
  },
});

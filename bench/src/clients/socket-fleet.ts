// N socket.io clients, each a browser session's live connection (an administrator or a tenant
// viewer): join 'all', log every change it receives with its arrival time, and check the per-gateway
// sequence numbers for gaps.
import { io as connect, type Socket } from 'socket.io-client';
import type { DeltaEvent, LiveClientToServerEvents, LiveServerToClientEvents } from '@cmc/api';
import { DeviceStatus } from '@cmc/gsdk/names';
import { now, sleep } from '../lib/clock.ts';
import { ChangeLog } from '../lib/growable.ts';
import type { Viewer } from '../lib/tenant-emits.ts';

type LiveSocket = Socket<LiveServerToClientEvents, LiveClientToServerEvents>;

/** Cookie of one signed-in session per kind of viewer: 'admin', or the tenant ID of a viewer. */
export type FleetCookies = Record<string, string>;

export const cookieKey = (v: Viewer): string => (v.kind === 'admin' ? 'admin' : v.tenantID);

interface FleetClient {
  viewer: Viewer;
  socket: LiveSocket;
  log: ChangeLog;
  seqs: Map<string, number>;
  gaps: number;
  snapshotDevices: number;
}

export class SocketFleet {
  readonly clients: FleetClient[] = [];
  recording = false;
  /** Gateway modes as the first client sees them, and whether a degraded mode came since expectResync(). */
  private readonly modes = new Map<string, 'live' | 'degraded'>();
  private sawDegraded = false;
  private hasModeWatcher = false;

  expectResync(): void {
    this.sawDegraded = false;
  }

  /** Resolves once the streams broke (degraded) and every gateway is live again. */
  async waitLive(timeoutMs = 90_000): Promise<number> {
    const started = now();
    while (!this.sawDegraded || [...this.modes.values()].some((m) => m !== 'live')) {
      if (now() - started > timeoutMs)
        throw new Error(`the BFF did not go live again within ${timeoutMs} ms`);
      await sleep(50);
    }
    return now() - started;
  }

  /**
   * Connects one session per viewer, `concurrency` at a time. `auth` is added to the handshake's
   * `auth` (e.g. an opt-in the BFF offers); `deltas: true` is always asked for.
   */
  async connect(
    url: string,
    cookies: FleetCookies,
    viewers: Viewer[],
    options: { concurrency?: number; auth?: Record<string, unknown> } = {},
  ): Promise<{ joinMs: number; devices: number }> {
    const concurrency = options.concurrency ?? 10;
    const started = now();
    for (let i = 0; i < viewers.length; i += concurrency) {
      const batch = viewers.slice(i, i + concurrency).map((v) => {
        const cookie = cookies[cookieKey(v)];
        if (!cookie) throw new Error(`no signed-in session for ${cookieKey(v)}`);
        return this.connectOne(url, cookie, v, options.auth ?? {});
      });
      this.clients.push(...(await Promise.all(batch)));
    }
    return { joinMs: now() - started, devices: this.clients[0]?.snapshotDevices ?? 0 };
  }

  private async connectOne(
    url: string,
    cookie: string,
    viewer: Viewer,
    auth: Record<string, unknown>,
  ): Promise<FleetClient> {
    const socket: LiveSocket = connect(url, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { ...auth, deltas: true },
      reconnection: false,
      forceNew: true,
      extraHeaders: { Cookie: cookie },
    });
    const client: FleetClient = {
      viewer,
      socket,
      log: new ChangeLog(),
      seqs: new Map(),
      gaps: 0,
      snapshotDevices: 0,
    };
    let live = false;
    const first = !this.hasModeWatcher;
    this.hasModeWatcher = true;
    socket.on('mode', (m) => {
      if (!first) return;
      if (m.mode === 'degraded') this.sawDegraded = true;
      for (const id of m.gatewayIDs) this.modes.set(id, m.mode);
    });
    socket.on('snapshot', (s) => {
      if (first) for (const g of s.gateways) this.modes.set(g.gatewayID, g.mode);
      client.snapshotDevices = s.devices.length;
      live = s.mode === 'live' && s.gateways.every((g) => g.mode === 'live');
      for (const g of s.gateways) client.seqs.set(g.gatewayID, g.seq);
    });
    const take = (d: DeltaEvent, at: number) => {
      const last = client.seqs.get(d.gatewayID);
      if (last !== undefined && d.seq !== last + 1) client.gaps++;
      client.seqs.set(d.gatewayID, d.seq);
      if (!this.recording) return;
      // The socket sends status names; the simulator's emit log has the wire numbers.
      for (const c of d.changes) client.log.push(c.deviceID, DeviceStatus[c.status], at);
    };
    socket.on('delta', (d) => take(d, now()));
    socket.on('deltas', (b) => {
      const at = now();
      for (const d of b.deltas) take(d, at);
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (e) =>
        reject(new Error(`socket.io connect failed: ${e.message}`)),
      );
    });
    // Until the BFF has read every list the snapshot says 'degraded'; join again until it is live.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ack = await socket.timeout(30_000).emitWithAck('join', { gatewayIDs: 'all' });
      if (!ack.ok) throw new Error(`join refused: ${ack.error} ${ack.message}`);
      if (live) return client;
      if (Date.now() > deadline) throw new Error('the BFF stayed degraded for 60 s');
      await sleep(500);
    }
  }

  gaps(): number {
    return this.clients.reduce((n, c) => n + c.gaps, 0);
  }

  clearLogs(): void {
    for (const c of this.clients) c.log.clear();
  }

  close(): void {
    for (const c of this.clients) c.socket.disconnect();
    this.clients.length = 0;
    this.modes.clear();
    this.hasModeWatcher = false;
  }
}

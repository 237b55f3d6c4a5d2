// One load session as a raw engine.io WebSocket: the same handshake, sign-in cookie and join as the
// web app's socket.io client (EIO 4 over `transport=websocket`, the socket.io CONNECT packet with the
// handshake auth, `join` with an ack), but a `deltas` frame is scanned from its bytes (delta-scan.ts)
// instead of parsed into objects, once per distinct frame of the process (scanned-frames.ts). Rare
// frames (open, snapshot, acks, errors) are parsed normally.
import WebSocket from 'ws';
import { DeviceStatus } from '@cmc/gsdk/names';
import { now } from '../lib/clock.ts';
import type { Viewer } from '../lib/tenant-emits.ts';
import { DELTAS_PREFIX, gatewayHash, startsWith } from './delta-scan.ts';
import { FrameArrivals, ScannedFrame, type ScannedFrames } from './scanned-frames.ts';

/** Shared by the sessions of a fleet: whether arrivals are logged now. */
export interface Recording {
  on: boolean;
}

interface LiveGatewayState {
  gatewayID: string;
  seq: number;
  mode: string;
}

// engine.io packet types (first byte), and socket.io's after an engine.io MESSAGE ('4').
const EIO_OPEN = 0x30;
const EIO_CLOSE = 0x31;
const EIO_PING = 0x32;
const EIO_MESSAGE = 0x34;
const SIO_CONNECT = 0x30;
const SIO_DISCONNECT = 0x31;
const SIO_EVENT = 0x32;
const SIO_ACK = 0x33;
const SIO_CONNECT_ERROR = 0x34;

export class LeanSession {
  readonly log = new FrameArrivals();
  gaps = 0;
  /** Frames this session could not read (a protocol change the scan does not know). */
  errors: string[] = [];
  private readonly seqs = new Map<number, number>();
  private ws: WebSocket | undefined;
  private open = false;
  private live = false;
  private at = 0;
  private nextAck = 0;
  private readonly acks = new Map<number, (payload: unknown) => void>();
  private connected: { resolve: () => void; reject: (e: Error) => void } | undefined;

  constructor(
    readonly viewer: Viewer,
    private readonly recording: Recording,
    private readonly frames: ScannedFrames,
  ) {}

  get isConnected(): boolean {
    return this.open && this.ws?.readyState === WebSocket.OPEN;
  }

  /** Connects, then joins 'all' until the snapshot says live (as SocketFleet does). */
  async start(url: string, cookie: string, auth: Record<string, unknown>): Promise<void> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, {
      headers: { Cookie: cookie },
      perMessageDeflate: false,
      skipUTF8Validation: true,
    });
    this.ws = ws;
    ws.on('message', (data: Buffer) => this.onFrame(data, auth));
    ws.on('close', () => {
      this.open = false;
      this.connected?.reject(new Error('the WebSocket closed before the socket.io connect'));
    });
    ws.on('error', (e) => this.connected?.reject(new Error(`WebSocket: ${e.message}`)));
    await new Promise<void>((resolve, reject) => (this.connected = { resolve, reject }));
    this.connected = undefined;
    const deadline = Date.now() + 60_000;
    for (;;) {
      const [ack] = (await this.emitWithAck('join', { gatewayIDs: 'all' })) as [
        { ok: boolean; error?: string; message?: string },
      ];
      if (!ack.ok) throw new Error(`join refused: ${ack.error} ${ack.message}`);
      if (this.live) return;
      if (Date.now() > deadline) throw new Error('the BFF stayed degraded for 60 s');
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  close(): void {
    this.open = false;
    this.ws?.close();
  }

  private onDeltas(b: Buffer): void {
    const frame = this.frames.get(b);
    if (frame.error !== undefined) throw new Error(frame.error);
    this.received(frame);
  }

  private received(frame: ScannedFrame): void {
    for (let k = 0; k < frame.gateways.length; k++)
      this.onDelta(frame.gateways[k]!, frame.seqs[k]!);
    if (this.recording.on) this.log.push(frame, this.at);
  }

  private onDelta(gateway: number, seq: number): void {
    const last = this.seqs.get(gateway);
    if (last !== undefined && seq !== last + 1) this.gaps++;
    this.seqs.set(gateway, seq);
  }

  private emitWithAck(event: string, payload: unknown, timeoutMs = 30_000): Promise<unknown> {
    const id = this.nextAck++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.acks.delete(id);
        reject(new Error(`no ack for ${event} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.acks.set(id, (p) => {
        clearTimeout(timer);
        resolve(p);
      });
      this.ws!.send(`42${id}${JSON.stringify([event, payload])}`);
    });
  }

  private onFrame(b: Buffer, auth: Record<string, unknown>): void {
    // One arrival time per frame: every change in it arrived together.
    this.at = now();
    try {
      if (startsWith(b, DELTAS_PREFIX)) return this.onDeltas(b);
      if (b[0] === EIO_PING) return this.ws!.send('3');
      if (b[0] === EIO_OPEN) return this.ws!.send(`40${JSON.stringify(auth)}`);
      if (b[0] === EIO_CLOSE) return void (this.open = false);
      if (b[0] === EIO_MESSAGE) this.onSocketIo(b);
    } catch (e) {
      this.errors.push(e instanceof Error ? e.message : String(e));
    }
  }

  private onSocketIo(b: Buffer): void {
    const type = b[1];
    if (type === SIO_CONNECT) {
      this.open = true;
      this.connected?.resolve();
    } else if (type === SIO_CONNECT_ERROR) {
      const e = JSON.parse(b.toString('utf8', 2)) as { message?: string };
      this.connected?.reject(new Error(`socket.io connect failed: ${e.message ?? 'refused'}`));
    } else if (type === SIO_DISCONNECT) {
      this.open = false;
    } else if (type === SIO_ACK) {
      let i = 2;
      let id = 0;
      for (; b[i]! >= 0x30 && b[i]! <= 0x39; i++) id = id * 10 + b[i]! - 0x30;
      const resolve = this.acks.get(id);
      this.acks.delete(id);
      resolve?.(JSON.parse(b.toString('utf8', i)));
    } else if (type === SIO_EVENT) {
      const [event, payload] = JSON.parse(b.toString('utf8', 2)) as [string, unknown];
      this.onEvent(event, payload);
    }
  }

  /** Events other than `deltas`: rare, parsed in full. */
  private onEvent(event: string, payload: unknown): void {
    if (event === 'snapshot') {
      const s = payload as { mode: string; gateways: LiveGatewayState[] };
      this.live = s.mode === 'live' && s.gateways.every((g) => g.mode === 'live');
      for (const g of s.gateways) this.seqs.set(gatewayHash(g.gatewayID), g.seq);
      // Deltas are told apart by the hash of their gateway ID: two gateways on one key would mix.
      if (new Set(s.gateways.map((g) => gatewayHash(g.gatewayID))).size !== s.gateways.length)
        this.errors.push('two gateway IDs of the snapshot have the same hash');
    } else if (event === 'delta') {
      // Sent only to sessions that did not ask for batched deltas; kept for completeness.
      const d = payload as {
        gatewayID: string;
        seq: number;
        changes: Array<{ deviceID: number; status: keyof typeof DeviceStatus }>;
      };
      const frame = new ScannedFrame(new Uint8Array(0));
      for (const c of d.changes) frame.onChange(c.deviceID, DeviceStatus[c.status]);
      frame.onDelta(gatewayHash(d.gatewayID), d.seq);
      this.received(frame);
    } else if (event === 'signed-out') {
      this.open = false;
    }
  }
}

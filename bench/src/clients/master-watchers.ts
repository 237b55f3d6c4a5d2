// The two baselines, straight on the master: raw SubscribeStatus streams (one per tenant, the
// floor) and a poller that re-reads every GetDeviceList every 5 s (the G-SDK CLI's "refresh").
import type { ClientReadableStream } from '@grpc/grpc-js';
import { now } from '../lib/clock.ts';
import { ChangeLog } from '../lib/growable.ts';
import { RawMaster, type MasterAccess } from '../lib/raw-gsdk.ts';

export class FloorStreams {
  readonly log = new ChangeLog();
  recording = false;
  errors: string[] = [];
  /** The tenants whose streams this follows. */
  readonly tenants: string[] = [];
  private streams: ClientReadableStream<unknown>[] = [];
  private readonly master: RawMaster;

  /** `partial`: the streams are not every tenant's, so they owe only their tenants' emits. */
  constructor(
    access: MasterAccess,
    readonly partial = false,
  ) {
    this.master = new RawMaster(access);
  }

  async open(tenants: string[]): Promise<void> {
    for (const tenantID of tenants) {
      this.tenants.push(tenantID);
      const stream = await this.master.subscribeStatus(tenantID);
      stream.on('data', (c: { deviceID: number; status: number }) => {
        if (this.recording) this.log.push(c.deviceID, c.status, now());
      });
      stream.on('error', (e: Error) => {
        if (!/Cancelled/i.test(e.message)) this.errors.push(`${tenantID}: ${e.message}`);
      });
      this.streams.push(stream as ClientReadableStream<unknown>);
    }
    // A stream is open on the server once the call is sent; give the server a moment to attach.
    await new Promise((r) => setTimeout(r, 500));
  }

  close(): void {
    for (const s of this.streams) s.cancel();
    this.streams = [];
    this.master.close();
  }
}

export class Poller {
  readonly log = new ChangeLog();
  recording = false;
  lastPollAt = 0;
  polls = 0;
  private known = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;
  private readonly master: RawMaster;

  constructor(
    access: MasterAccess,
    private readonly tenantOf: Record<string, string>,
  ) {
    this.master = new RawMaster(access);
  }

  private async pollOnce(): Promise<void> {
    await Promise.all(
      Object.entries(this.tenantOf).map(async ([gatewayID, tenantID]) => {
        const devices = await this.master.getDeviceList(tenantID, gatewayID);
        const at = now();
        for (const d of devices) {
          const before = this.known.get(d.deviceID);
          this.known.set(d.deviceID, d.status);
          if (this.recording && before !== undefined && before !== d.status)
            this.log.push(d.deviceID, d.status, at);
        }
      }),
    );
    this.lastPollAt = now();
    this.polls++;
  }

  /** First poll sets the baseline; then every intervalMs. */
  async start(intervalMs: number): Promise<void> {
    await this.pollOnce();
    this.timer = setInterval(() => void this.pollOnce(), intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  close(): void {
    this.stop();
    this.master.close();
  }
}

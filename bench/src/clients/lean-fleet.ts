// The load sessions of a client process as raw engine.io WebSockets (lean-session.ts): each does the
// web app's handshake, cookie and join, and logs every change it receives, at a fraction of what a
// socket.io-client costs per frame. The probe session stays a real socket.io client (socket-fleet.ts).
import type { Viewer } from '../lib/tenant-emits.ts';
import { LeanSession, type Recording } from './lean-session.ts';
import { ScannedFrames } from './scanned-frames.ts';
import { cookieKey, type FleetCookies } from './socket-fleet.ts';

export class LeanFleet {
  readonly clients: LeanSession[] = [];
  private readonly recording: Recording = { on: false };
  /** Shared by the sessions: each distinct frame is scanned once in this process. */
  readonly frames = new ScannedFrames();

  set recordingOn(on: boolean) {
    this.recording.on = on;
  }

  /** Connects one session per viewer, `concurrency` at a time (as SocketFleet.connect). */
  async connect(
    url: string,
    cookies: FleetCookies,
    viewers: readonly Viewer[],
    options: { concurrency?: number; auth?: Record<string, unknown> } = {},
  ): Promise<{ joinMs: number }> {
    const concurrency = options.concurrency ?? 10;
    const auth = { ...options.auth, deltas: true };
    const started = performance.now();
    for (let i = 0; i < viewers.length; i += concurrency) {
      const batch = viewers.slice(i, i + concurrency).map(async (v) => {
        const cookie = cookies[cookieKey(v)];
        if (!cookie) throw new Error(`no signed-in session for ${cookieKey(v)}`);
        const session = new LeanSession(v, this.recording, this.frames);
        this.clients.push(session);
        await session.start(url, cookie, auth);
      });
      await Promise.all(batch);
    }
    return { joinMs: performance.now() - started };
  }

  /** Frames logged by every session since the logs were cleared: the BFF's writes to them. */
  framesLogged(): number {
    return this.clients.reduce((n, c) => n + c.log.frameCount, 0);
  }

  gaps(): number {
    return this.clients.reduce((n, c) => n + c.gaps, 0);
  }

  /** Throws with the first frame a session could not read: a miscount must not pass as a figure. */
  checkErrors(): void {
    const bad = this.clients.find((c) => c.errors.length > 0);
    if (bad)
      throw new Error(
        `${this.clients.filter((c) => c.errors.length > 0).length} lean sessions could not read frames: ${bad.errors[0]}`,
      );
  }

  clearLogs(): void {
    for (const c of this.clients) c.log.clear();
  }

  close(): void {
    for (const c of this.clients) c.close();
    this.clients.length = 0;
    this.recording.on = false;
  }
}

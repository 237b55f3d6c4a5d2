import { Status, connectedStatus, type Device } from './model.ts';
import type { World } from './world.ts';

const TICK_MS = 10;

/**
 * Flaps random managed devices at a steady rate. One timer ticks every 10 ms and performs however
 * many changes are owed by the clock since the rate was set, so the rate stays accurate at
 * thousands of changes per second without one timer per change.
 */
export class Churn {
  private timer: NodeJS.Timeout | undefined;
  private startedAt = 0;
  private done = 0;
  /** Devices churn took down, so it brings back only its own and never one that really failed. */
  private readonly churnedDown = new Set<number>();
  rate = 0;
  total = 0;

  constructor(private readonly world: World) {}

  set(changesPerSecond: number): void {
    this.stop();
    this.rate = changesPerSecond;
    if (changesPerSecond <= 0) return;
    this.startedAt = performance.now();
    this.done = 0;
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  private tick(): void {
    const owed = Math.floor(((performance.now() - this.startedAt) / 1000) * this.rate) - this.done;
    // After a long event-loop stall, catch up at most one second's worth rather than bursting.
    const n = Math.min(owed, Math.ceil(this.rate));
    for (let i = 0; i < n; i++) {
      if (this.once()) this.total++;
    }
    this.done += owed;
  }

  /**
   * One churn step: a random managed device blips — a connected one drops, one churn dropped
   * earlier comes back. Timers are left alone so the rate the caller asks for is the rate emitted.
   */
  private once(): boolean {
    const world = this.world;
    for (let attempt = 0; attempt < 8; attempt++) {
      const id = world.managed.pick(world.random());
      if (id === undefined) return false;
      const dev = world.devices.get(id)!;
      if (world.isConnected(dev)) {
        this.churnedDown.add(id);
        world.setStatus(dev, Status.DISCONNECTED);
        return true;
      }
      if (this.churnedDown.delete(id)) {
        this.bringBack(dev);
        return true;
      }
    }
    return false;
  }

  stop(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
      this.restore();
    }
    this.rate = 0;
  }

  /** Churn stopped: devices it left down come back, as their blip ends. */
  private restore(): void {
    const world = this.world;
    for (const id of this.churnedDown) {
      const dev = world.devices.get(id);
      if (dev?.managed && !world.isConnected(dev) && dev.online) this.bringBack(dev);
    }
    this.churnedDown.clear();
  }

  /** Back on the connection it had: an async registration's SSL setting wins over the device's. */
  private bringBack(dev: Device): void {
    this.world.setStatus(
      dev,
      connectedStatus(this.world.asyncRegistration(dev)?.useSSL ?? dev.useSSL),
    );
  }
}

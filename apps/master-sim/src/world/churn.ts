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
      if (this.world.churnOnce()) this.total++;
    }
    this.done += owed;
  }

  stop(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
      this.world.endChurn();
    }
    this.rate = 0;
  }
}

import { describe, expect, it } from 'vitest';
import { cpuSeconds, rssMB, UsageSampler } from '../proc-stats.ts';

describe('proc-stats', () => {
  // The machine is shared, so no absolute CPU figure: a busy loop must read as more CPU than a sleep.
  it('reads CPU time and RSS of this process and sees a busy loop as more CPU use than sleeping', async () => {
    expect(rssMB(process.pid)).toBeGreaterThan(10);
    const before = cpuSeconds(process.pid);
    const idle = new UsageSampler(process.pid, 50);
    idle.start();
    await new Promise((r) => setTimeout(r, 300));
    const idleUsage = idle.stop();
    const busy = new UsageSampler(process.pid, 50);
    busy.start();
    const until = performance.now() + 300;
    while (performance.now() < until) Math.sqrt(Math.random());
    await new Promise((r) => setTimeout(r, 60));
    const busyUsage = busy.stop();
    expect(cpuSeconds(process.pid)).toBeGreaterThan(before);
    expect(busyUsage.cpuPercent).toBeGreaterThan(idleUsage.cpuPercent);
    expect(busyUsage.rssMBMax).toBeGreaterThanOrEqual(busyUsage.rssMB - 1);
  });

  it('names the process when it does not exist', () => {
    expect(() => rssMB(2 ** 30)).toThrow(/\/proc\/1073741824/);
  });
});

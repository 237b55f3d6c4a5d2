import { describe, expect, it } from 'vitest';
import { cpuSeconds, rssMB, UsageSampler, waitCpuQuiet } from '../proc-stats.ts';

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

  it('waits for a quiet window, and names the CPU % of a process that stays busy', async () => {
    const quiet = await waitCpuQuiet(process.pid, { belowPercent: 50, windowMs: 100 });
    expect(quiet.cpuPercent).toBeLessThan(50);
    // This process stays busy on its own thread's loop: a worker spins for the whole wait.
    const { Worker } = await import('node:worker_threads');
    const spin = new Worker('const until = Date.now() + 2000; while (Date.now() < until);', {
      eval: true,
    });
    try {
      await expect(
        waitCpuQuiet(process.pid, { belowPercent: 20, windowMs: 100, timeoutMs: 400 }),
      ).rejects.toThrow(/did not come below 20 % CPU within 400 ms \(last window \d+ %\)/);
    } finally {
      await spin.terminate();
    }
  });
});

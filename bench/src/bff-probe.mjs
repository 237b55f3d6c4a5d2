// Preloaded into the BFF child (node --import) by the bench, never by the app. Plain JavaScript so
// the BFF runs its production bundle with plain node, no TypeScript loader. Behaviour: on SIGUSR2 it writes
// the BFF's event-loop delay, GC pauses and memory breakdown since the last signal to
// BENCH_BFF_PROBE_FILE, then starts a new window. It changes nothing in the BFF itself.
import fs from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

const file = process.env.BENCH_BFF_PROBE_FILE;
if (file) {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  let gcMs = 0;
  let gcMaxMs = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcMs += e.duration;
      gcMaxMs = Math.max(gcMaxMs, e.duration);
    }
  }).observe({ entryTypes: ['gc'] });
  process.on('SIGUSR2', () => {
    const m = process.memoryUsage();
    const mb = (b) => b / 2 ** 20;
    const ms = (ns) => ns / 1e6;
    const stats = {
      at: performance.timeOrigin + performance.now(),
      loopDelayMs: {
        p50: ms(loop.percentile(50)),
        p99: ms(loop.percentile(99)),
        max: ms(loop.max),
      },
      gc: { totalMs: gcMs, maxPauseMs: gcMaxMs },
      memoryMB: {
        rss: mb(m.rss),
        heapUsed: mb(m.heapUsed),
        heapTotal: mb(m.heapTotal),
        external: mb(m.external),
        arrayBuffers: mb(m.arrayBuffers),
      },
    };
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(stats));
    fs.renameSync(`${file}.tmp`, file);
    loop.reset();
    gcMs = 0;
    gcMaxMs = 0;
  });
}

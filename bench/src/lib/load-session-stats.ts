// What a level's load processes (watchers named load1, load2, ...) saw, summed over them.
import type { WatcherResult } from './coordinator.ts';

export function loadSessionStats(watchers: Record<string, WatcherResult>) {
  const ws = Object.entries(watchers).filter(([n]) => n.startsWith('load'));
  return {
    lost: ws.reduce((n, [, w]) => n + (w.sockets?.lost ?? 0), 0),
    expected: ws.reduce((n, [, w]) => n + (w.sockets?.expected ?? 0), 0),
    gaps: ws.reduce((n, [, w]) => n + (w.sockets?.gaps ?? 0), 0),
    disconnected: ws.reduce((n, [, w]) => n + (w.sockets?.disconnected ?? 0), 0),
    frames: ws.reduce((n, [, w]) => n + (w.sockets?.leanFrames ?? 0), 0),
    sessions: ws.reduce((n, [, w]) => n + (w.sockets?.clients ?? 0), 0),
    p99: Math.max(...ws.map(([, w]) => w.sockets?.latency.p99 ?? 0)),
    loopP99: Math.max(...ws.map(([, w]) => w.loopDelay.p99)),
  };
}

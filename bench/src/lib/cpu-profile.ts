// Reads a V8 .cpuprofile (node --cpu-prof) and ranks functions by self time.
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
  }>;
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

export interface SelfTime {
  fn: string;
  where: string;
  ms: number;
  percent: number;
}

/**
 * Self time per function (same name and location merged), highest first. `window` keeps only the
 * samples between `from` and `to` seconds after the profile started (a level of a scenario; the
 * result files give each level's start relative to the BFF's start).
 */
export function topSelfTime(
  profile: CpuProfile,
  limit = 20,
  window?: { from: number; to: number },
): SelfTime[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const from = window ? profile.startTime + window.from * 1e6 : -Infinity;
  const to = window ? profile.startTime + window.to * 1e6 : Infinity;
  let at = profile.startTime;
  // A sample's time is the delta to the next sample (V8 records the delta before each sample).
  for (let i = 0; i < samples.length; i++) {
    at += deltas[i] ?? 0;
    if (at >= from && at < to)
      selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + (deltas[i + 1] ?? 0));
  }
  const merged = new Map<string, { fn: string; where: string; us: number }>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const frame = byNode.get(id)?.callFrame;
    if (!frame) continue;
    total += us;
    const fn = frame.functionName || '(anonymous)';
    const where = frame.url
      ? `${frame.url.replace(/^file:\/\//, '').replace(/.*\/node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')}:${frame.lineNumber + 1}`
      : '';
    const key = `${fn}@${where}`;
    const m = merged.get(key) ?? { fn, where, us: 0 };
    m.us += us;
    merged.set(key, m);
  }
  return [...merged.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, limit)
    .map((m) => ({
      fn: m.fn,
      where: m.where,
      ms: m.us / 1000,
      percent: total > 0 ? (m.us / total) * 100 : 0,
    }));
}

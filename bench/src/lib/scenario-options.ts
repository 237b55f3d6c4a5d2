// What every scenario takes: where CPU profiles go, and whether this is the tests' smoke run.
import { SMOKE_TIMING, DEFAULT_TIMING, type LevelTiming } from './coordinator.ts';
import type { WorldSize } from './sim-world.ts';

export interface ScenarioOptions {
  /** Directory for the BFF's `node --cpu-prof` output; no profiling when unset. */
  cpuProfileDir?: string;
  /**
   * The tests' smoke run: a tiny world, levels of a fraction of a second, fewer rounds, results
   * written to `resultsDir` instead of bench/results. Proves the scenario runs end to end and
   * produces well-formed entries; its timings mean nothing.
   */
  smoke?: { resultsDir: string };
}

/** The smoke runs' world: 4 gateways, 2 tenants, 400 devices. */
export const SMOKE_WORLD: WorldSize = { gateways: 4, devices: 400, tenants: 2 };

export const worldFor = (o: ScenarioOptions, size: WorldSize): WorldSize =>
  o.smoke ? SMOKE_WORLD : size;

export const timingFor = (o: ScenarioOptions, timing: LevelTiming = DEFAULT_TIMING): LevelTiming =>
  o.smoke ? SMOKE_TIMING : timing;

/** `full` in a real run, `smoke` in the tests' smoke run. */
export const pick = <T>(o: ScenarioOptions, full: T, smoke: T): T => (o.smoke ? smoke : full);

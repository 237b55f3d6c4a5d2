// CPU % and RSS of another process, read from /proc like pidusage does (no native dependency).
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    const out = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    ticksPerSecond = Number.isFinite(out) && out > 0 ? out : 100;
  }
  return ticksPerSecond;
}

/** utime + stime of the process in seconds (fields 14 and 15 of /proc/<pid>/stat). */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces; fields after it start behind the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks();
}

/** % of one core: `seconds` of CPU used over `ms` of wall time. */
const percentOfCore = (seconds: number, ms: number): number => (seconds / (ms / 1000)) * 100;

/** Resident set size in MB (VmRSS of /proc/<pid>/status). */
const readStatus = (pid: number): string => {
  try {
    return fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return '';
  }
};

export function rssMB(pid: number): number {
  const status = readStatus(pid);
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

export interface UsageSummary {
  /** Mean CPU over the window, % of one core. */
  cpuPercent: number;
  /** Highest 1-second CPU %. */
  cpuPercentMax: number;
  rssMB: number;
  rssMBMax: number;
}

/** Samples a process every `intervalMs` between start() and stop(). */
export class UsageSampler {
  private timer: NodeJS.Timeout | undefined;
  private startCpu = 0;
  private startAt = 0;
  private lastCpu = 0;
  private lastAt = 0;
  private maxCpu = 0;
  private maxRss = 0;
  /** The process was gone at a sample: figures end there. */
  exited = false;

  constructor(
    readonly pid: number,
    private readonly intervalMs = 1000,
  ) {}

  start(): void {
    this.startCpu = this.lastCpu = cpuSeconds(this.pid);
    this.startAt = this.lastAt = performance.now();
    this.maxCpu = 0;
    this.maxRss = rssMB(this.pid);
    this.timer = setInterval(() => this.sample(), this.intervalMs);
  }

  private sample(): void {
    // A process that exited mid-level (the BFF crashed) keeps its last figures; the scenario
    // reports the failure where it waits for that process, not as a throw from this timer.
    if (!fs.existsSync(`/proc/${this.pid}/status`) || !/^VmRSS:/m.test(readStatus(this.pid))) {
      this.exited = true;
      return;
    }
    const cpu = cpuSeconds(this.pid);
    const at = performance.now();
    this.maxCpu = Math.max(this.maxCpu, percentOfCore(cpu - this.lastCpu, at - this.lastAt));
    this.lastCpu = cpu;
    this.lastAt = at;
    this.maxRss = Math.max(this.maxRss, rssMB(this.pid));
  }

  stop(): UsageSummary {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.sample();
    const cpuPercent = percentOfCore(this.lastCpu - this.startCpu, this.lastAt - this.startAt);
    return {
      cpuPercent,
      cpuPercentMax: this.maxCpu,
      rssMB: this.exited ? NaN : rssMB(this.pid),
      rssMBMax: this.maxRss,
    };
  }
}

export interface Quiet {
  /** ms from the call until the process was quiet. */
  waitedMs: number;
  /** Its CPU % over the last window. */
  cpuPercent: number;
}

/**
 * Waits until the process has used less than `belowPercent` of a core over a whole `windowMs`
 * window (windows follow each other), and throws after `timeoutMs`, naming its last CPU %.
 */
export async function waitCpuQuiet(
  pid: number,
  { belowPercent = 10, windowMs = 1000, timeoutMs = 30_000 } = {},
): Promise<Quiet> {
  const startedAt = performance.now();
  let cpuPercent = NaN;
  while (performance.now() - startedAt < timeoutMs) {
    const cpu = cpuSeconds(pid);
    const at = performance.now();
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    cpuPercent = percentOfCore(cpuSeconds(pid) - cpu, performance.now() - at);
    if (cpuPercent < belowPercent) return { waitedMs: performance.now() - startedAt, cpuPercent };
  }
  throw new Error(
    `process ${pid} did not come below ${belowPercent} % CPU within ${timeoutMs} ms (last window ${cpuPercent.toFixed(0)} %)`,
  );
}

// The only reader of process.env in the bench package.
export const benchEnv = {
  /** Debian's Chromium, never a downloaded browser. */
  chromiumPath: (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  /** Where a scenario run by itself writes CPU profiles, if anywhere. */
  cpuProfileDir: (): string | undefined => process.env.BENCH_CPU_PROFILE_DIR,
  /**
   * Where every client process (probe, load, device-list rounds) writes a CPU profile of its whole
   * life, if anywhere: a load process that falls behind makes its own arrivals late.
   */
  clientCpuProfileDir: (): string | undefined => process.env.BENCH_CLIENT_CPU_PROFILE_DIR,
  /** A web build to serve instead of apps/web/dist (the browser scenarios run by themselves). */
  webDistDir: (): string | undefined => process.env.BENCH_WEB_DIST,
  /** Where result files go instead of bench/results (a trial run that must not replace them). */
  resultsDir: (): string | undefined => process.env.BENCH_RESULTS_DIR,
  /**
   * How load sessions connect: 'lean' (raw WebSockets that scan their frames, the default) or
   * 'socket.io' (a full socket.io client each, as before: for an A/B of the load clients).
   */
  loadClients: (): 'lean' | 'socket.io' =>
    process.env.BENCH_LOAD_CLIENTS === 'socket.io' ? 'socket.io' : 'lean',
  /** The bench's own environment, handed on to the BFF child it starts (PATH, HOME, …). */
  inherited: (): NodeJS.ProcessEnv => ({ ...process.env }),
};

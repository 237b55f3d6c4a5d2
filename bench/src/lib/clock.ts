// One clock for every process: epoch milliseconds with sub-millisecond resolution. The simulator
// stamps its emits the same way (performance.timeOrigin + performance.now()).
export const now = (): number => performance.timeOrigin + performance.now();

/** Keeps the thread busy for `ms` (a stand-in for work that takes CPU). */
export function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

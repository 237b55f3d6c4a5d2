// One clock for every process: epoch milliseconds with sub-millisecond resolution. The simulator
// stamps its emits the same way (performance.timeOrigin + performance.now()).
export const now = (): number => performance.timeOrigin + performance.now();

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

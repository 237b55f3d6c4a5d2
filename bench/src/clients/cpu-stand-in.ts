// Takes a share of one core in 10 ms slices: the fan-out floor's stand-in for the simulator, which
// shares the machine with the BFF in every latency scenario. Driven over IPC.
import { serveRpc } from '../lib/child-rpc.ts';
import { busyFor } from '../lib/clock.ts';

const SLICE_MS = 10;
let timer: NodeJS.Timeout | undefined;

serveRpc({
  /** `share` (0..1) of a core from now on; 0 stops. */
  burn: (a) => {
    const share = a.share as number;
    if (!(share >= 0 && share <= 1))
      throw new Error(`cpu stand-in: share must be in [0, 1], got ${share}`);
    if (timer) clearInterval(timer);
    timer = undefined;
    if (share > 0) timer = setInterval(() => busyFor(SLICE_MS * share), SLICE_MS);
    return { share };
  },
});

// The rows a Devices page's first load asks for, rendered once the live hub has its first lists. The
// first request after a start otherwise builds them, their facts and their JSON on the event loop
// (~140 ms of the BFF at 10,000 devices, ~50 ms once warm), and the page's own script chunks,
// asked for at the same moment, wait behind it (bench/README.md, "Boot of the Devices page").
import type { RouterDeps } from '../http/route-deps.ts';
import { LIVE_ROW_CACHE_MAX } from './live-row-cache.ts';

/** Keeps the rows of the first devices in the list's default order (device ID ascending). */
export function warmDeviceRows(deps: Pick<RouterDeps, 'deviceIndex' | 'history' | 'labels'>): void {
  const index = deps.deviceIndex;
  if (!index) return;
  const devices = index.ordering('deviceID', 'asc').refs.slice(0, LIVE_ROW_CACHE_MAX);
  const facts = deps.history?.facts(devices.map((d) => d.deviceID));
  index.rows.render(devices, facts, deps.labels?.names());
}

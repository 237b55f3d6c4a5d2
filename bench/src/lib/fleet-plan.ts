// Sessions spread over load processes, as lean sessions (clients/lean-fleet.ts): the load's frames
// are CPU the BFF and the probe must not share.
import type { ChildRpc } from './child-rpc.ts';
import type { FleetCookies } from '../clients/socket-fleet.ts';
import type { Viewer } from './tenant-emits.ts';
import { benchEnv } from '../env.ts';

/** Deals the viewers round robin into `n` groups (one per load process). */
export function splitViewers(viewers: readonly Viewer[], n: number): Viewer[][] {
  if (n < 1) throw new Error('at least one load process is needed');
  const groups: Viewer[][] = Array.from({ length: n }, () => []);
  viewers.forEach((v, i) => groups[i % n]!.push(v));
  return groups;
}

/** The light join snapshot (gateway states, no device rows): what the web app asks for. */
export const LIGHT_JOIN = { snapshot: 'gateways' } as const;

/** Connects `viewers` as lean sessions spread over the load processes; returns the time it took (ms). */
export async function connectSpread(
  loads: readonly ChildRpc[],
  url: string,
  cookies: FleetCookies,
  viewers: readonly Viewer[],
  auth: Record<string, unknown>,
): Promise<number> {
  const started = performance.now();
  const groups = splitViewers(viewers, loads.length);
  const lean = benchEnv.loadClients() === 'lean';
  await Promise.all(
    loads.map((p, i) =>
      groups[i]!.length > 0
        ? p.call('sockets', { url, cookies, viewers: groups[i], auth, lean }, 900_000)
        : Promise.resolve(),
    ),
  );
  return performance.now() - started;
}

/** Counts per kind, for the result files ("20 admins + 179 tenant viewers"). */
export function describeMix(viewers: readonly Viewer[]): string {
  const admins = viewers.filter((v) => v.kind === 'admin').length;
  return `${admins} admins + ${viewers.length - admins} tenant viewers`;
}

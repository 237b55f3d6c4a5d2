// A bare gRPC client of the simulated master that follows one tenant's status stream while the BFF's
// levels run, in a client process of its own: what a direct client of the master sees under the
// same load on the same machine (the floor levels measure the streams before the BFF starts, on a
// quiet machine). A level ends by breaking the master's streams, so the witness subscribes again
// whenever the BFF's sessions resync.
import type { ChildRpc } from './child-rpc.ts';
import {
  masterAccess,
  startClientsProcess,
  type LevelHooks,
  type WatcherResult,
} from './coordinator.ts';
import type { SimWorld } from './sim-world.ts';

export interface RawWitness {
  /** The client process, to be among a level's watchers (its result's `floor`). */
  rpc: ChildRpc;
  /** `hooks` that also subscribe the witness again after the streams were broken. */
  around(hooks: LevelHooks): LevelHooks;
}

/**
 * The witness's figures in a level's row: what a bare client of the master saw under the level's
 * load (the simulator's delivery and the witness's own turn on the shared cores).
 */
export function witnessColumns(raw: WatcherResult | undefined): Record<string, number> {
  const floor = witnessed(raw);
  return {
    'raw p50 (same level)': floor.latency.p50,
    'raw p99 (same level)': floor.latency.p99,
  };
}

/** The witness's result in a level (its stream's latency and losses). */
export function witnessed(raw: WatcherResult | undefined): NonNullable<WatcherResult['floor']> {
  if (!raw?.floor) throw new Error('raw witness: the level has no result from it');
  return raw.floor;
}

export async function startRawWitness(world: SimWorld): Promise<RawWitness> {
  const tenant = world.tenants[0];
  if (tenant === undefined) throw new Error('raw witness: the world has no tenant');
  const rpc = startClientsProcess();
  const open = () =>
    rpc.call('floor', { access: masterAccess(world), tenants: [tenant], partial: true });
  await open();
  return {
    rpc,
    around: (hooks) => ({
      ...hooks,
      resync: async () => {
        await hooks.resync();
        await open();
      },
    }),
  };
}

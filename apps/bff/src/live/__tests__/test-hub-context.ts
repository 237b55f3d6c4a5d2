// A HubContext for unit tests of one feed: a client the test scripts, a fresh state, no-op tenant
// refresh and reloads, and every mode switch recorded as 'degraded <ids> <reason>' / 'live <ids>'.
import type { GsdkClient } from '@cmc/gsdk';
import type { HubContext } from '../hub-context.ts';
import { LiveState } from '../live-state.ts';
import { directStreams } from '../types.ts';
import { createLogger } from '../../logger.ts';

export function testHubContext(
  client: GsdkClient,
  parts: Pick<HubContext, 'batcher' | 'history'>,
): { ctx: HubContext; state: LiveState; modes: string[] } {
  const modes: string[] = [];
  const state = new LiveState();
  const ctx: HubContext = {
    state,
    ...parts,
    pool: {
      forTenant: () => client,
      admin: () => client,
      tenants: async () => [],
      gatewaysFor: async () => [],
    },
    logger: createLogger({ level: 'silent' }),
    streams: directStreams,
    setDegraded: (_key, ids, reason) => void modes.push(`degraded ${ids.join(',')} ${reason}`),
    setLive: (_key, ids) => void modes.push(`live ${ids.join(',')}`),
    refreshTenants: async () => {},
    reloadDevicesOf: () => {},
  };
  return { ctx, state, modes };
}

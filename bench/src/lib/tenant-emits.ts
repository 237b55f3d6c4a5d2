// A tenant viewer sees only its own gateways' changes, so its arrivals are matched with the emits of
// its tenant, not with every emit of the world (that would count the other tenants' changes as lost).
import type { PlainChangeLog } from './growable.ts';

/** Who a fleet session is: an administrator sees every gateway, a tenant viewer its tenant's. */
export type Viewer = { kind: 'admin' } | { kind: 'tenant'; tenantID: string };

/** The emits of each tenant, in emit order, keyed by tenant ID. */
export function emitsByTenant(
  emits: PlainChangeLog,
  tenantOfDevice: ReadonlyMap<number, string>,
): Record<string, PlainChangeLog> {
  const out: Record<string, PlainChangeLog> = {};
  for (let i = 0; i < emits.times.length; i++) {
    const tenant = tenantOfDevice.get(emits.deviceIDs[i]!);
    if (tenant === undefined) continue;
    const log = (out[tenant] ??= { deviceIDs: [], statuses: [], times: [] });
    log.deviceIDs.push(emits.deviceIDs[i]!);
    log.statuses.push(emits.statuses[i]!);
    log.times.push(emits.times[i]!);
  }
  return out;
}

const EMPTY: PlainChangeLog = { deviceIDs: [], statuses: [], times: [] };

/** What a viewer should have received of a level's emits. */
export function emitsFor(
  viewer: Viewer,
  all: PlainChangeLog,
  byTenant: Record<string, PlainChangeLog> | undefined,
): PlainChangeLog {
  if (viewer.kind === 'admin') return all;
  if (!byTenant) throw new Error('a tenant viewer needs the emits split by tenant');
  return byTenant[viewer.tenantID] ?? EMPTY;
}

/** The emits of these tenants (matching sorts by time, so their order does not matter). */
export function tenantsEmits(
  tenants: readonly string[],
  byTenant: Record<string, PlainChangeLog> | undefined,
): PlainChangeLog {
  if (!byTenant) throw new Error('streams of some tenants need the emits split by tenant');
  const out: PlainChangeLog = { deviceIDs: [], statuses: [], times: [] };
  for (const t of tenants) {
    const log = byTenant[t] ?? EMPTY;
    for (let i = 0; i < log.times.length; i++) {
      out.deviceIDs.push(log.deviceIDs[i]!);
      out.statuses.push(log.statuses[i]!);
      out.times.push(log.times[i]!);
    }
  }
  return out;
}

/**
 * `count` sessions as a mix: every `adminEvery`-th one an administrator (0 = none), the rest tenant
 * viewers spread round robin over the tenants.
 */
export function viewerMix(count: number, tenants: readonly string[], adminEvery: number): Viewer[] {
  const out: Viewer[] = [];
  let t = 0;
  for (let i = 0; i < count; i++) {
    if (adminEvery > 0 && i % adminEvery === 0) out.push({ kind: 'admin' });
    else {
      if (tenants.length === 0) throw new Error('a tenant viewer needs at least one tenant');
      out.push({ kind: 'tenant', tenantID: tenants[t++ % tenants.length]! });
    }
  }
  return out;
}

import { describe, expect, it } from 'vitest';
import { emitsByTenant, emitsFor, tenantsEmits, viewerMix } from '../tenant-emits.ts';
import { splitViewers, describeMix } from '../fleet-plan.ts';

const emits = {
  deviceIDs: [1, 2, 3, 1, 9],
  statuses: [0, 1, 0, 1, 0],
  times: [10, 11, 12, 13, 14],
};
const tenantOfDevice = new Map([
  [1, 't1'],
  [2, 't2'],
  [3, 't1'],
]);

describe('emitsByTenant / emitsFor', () => {
  it('gives a tenant viewer only its tenant’s emits, in order, and an administrator all', () => {
    const byTenant = emitsByTenant(emits, tenantOfDevice);
    expect(byTenant.t1).toEqual({ deviceIDs: [1, 3, 1], statuses: [0, 0, 1], times: [10, 12, 13] });
    expect(byTenant.t2).toEqual({ deviceIDs: [2], statuses: [1], times: [11] });
    // Device 9 belongs to no tenant of the world: nobody should receive it but an administrator.
    expect(emitsFor({ kind: 'admin' }, emits, byTenant)).toBe(emits);
    expect(emitsFor({ kind: 'tenant', tenantID: 't3' }, emits, byTenant).times).toEqual([]);
  });

  it('refuses a tenant viewer when the emits were not split', () => {
    expect(() => emitsFor({ kind: 'tenant', tenantID: 't1' }, emits, undefined)).toThrow(
      /split by tenant/,
    );
  });
});

describe('tenantsEmits', () => {
  it('joins the emits of the tenants asked for, and only theirs', () => {
    const byTenant = emitsByTenant(emits, tenantOfDevice);
    expect(tenantsEmits(['t2'], byTenant)).toEqual(byTenant.t2);
    expect(tenantsEmits(['t1', 't2', 't3'], byTenant)).toEqual({
      deviceIDs: [1, 3, 1, 2],
      statuses: [0, 0, 1, 1],
      times: [10, 12, 13, 11],
    });
    expect(() => tenantsEmits(['t1'], undefined)).toThrow(/split by tenant/);
  });
});

describe('viewerMix / splitViewers', () => {
  it('makes every n-th session an administrator and deals tenants round robin', () => {
    const mix = viewerMix(6, ['a', 'b'], 3);
    expect(mix).toEqual([
      { kind: 'admin' },
      { kind: 'tenant', tenantID: 'a' },
      { kind: 'tenant', tenantID: 'b' },
      { kind: 'admin' },
      { kind: 'tenant', tenantID: 'a' },
      { kind: 'tenant', tenantID: 'b' },
    ]);
    expect(describeMix(mix)).toBe('2 admins + 4 tenant viewers');
    expect(viewerMix(3, ['a'], 0).every((v) => v.kind === 'tenant')).toBe(true);
    expect(() => viewerMix(2, [], 5)).toThrow(/tenant/);
  });

  it('splits sessions over load processes without losing any', () => {
    const groups = splitViewers(viewerMix(5, ['a'], 0), 2);
    expect(groups.map((g) => g.length)).toEqual([3, 2]);
    expect(() => splitViewers([], 0)).toThrow(/load process/);
  });
});

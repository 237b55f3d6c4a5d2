// The evaluation of device rules visits only the devices that can be in alarm (not connected, or with
// recent drops) instead of every device once per rule per second: at 100,000 devices the full scan
// took CPU from the live path. Its answers must stay exactly those of the full scan (the reference
// below is the previous implementation), whatever the changes, seeds, scopes and open alarms.
import type { AlertRule, AlertScope } from '@cmc/api';
import { DeviceStatus } from '@cmc/gsdk/names';
import { describe, expect, it, vi } from 'vitest';
import { evaluateRule, type TenantOf } from '../evaluator/conditions.ts';
import { WatchState, type DeviceSeed, type DeviceWatch } from '../evaluator/watch-state.ts';

/** The full scan over every device, as conditions.ts evaluated before: `subject message`, sorted. */
function referenceHits(
  rule: AlertRule,
  state: WatchState,
  tenantOf: TenantOf,
  now: number,
  open: ReadonlySet<string>,
): string[] {
  const scope = rule.scope;
  const inScope = (d: DeviceWatch): boolean =>
    scope.kind === 'all' ||
    (scope.kind === 'tenant' && tenantOf(d.gatewayID) === scope.tenantID) ||
    (scope.kind === 'gateway' && d.gatewayID === scope.gatewayID) ||
    (scope.kind === 'device' && d.deviceID === scope.deviceID);
  const out: string[] = [];
  const c = rule.condition;
  for (const d of state.devices.values()) {
    if (!inScope(d)) continue;
    const subject = `device:${d.deviceID}`;
    const on = `device ${d.deviceID} on gateway ${d.gatewayID}`;
    if (c.kind === 'device-offline') {
      if (!d.connected && (now - d.since >= c.seconds * 1000 || open.has(subject)))
        out.push(`${subject} ${on} not connected for more than ${c.seconds} s (${d.statusName})`);
    } else if (c.kind === 'device-failure') {
      if (d.statusName === c.cause) out.push(`${subject} ${on} failing: ${c.cause}`);
    } else if (c.kind === 'device-flapping') {
      const from = now - c.minutes * 60_000;
      let count = 0;
      for (let k = d.drops.length - 1; k >= 0 && (d.drops[k] ?? 0) >= from; k--) count++;
      if (count >= c.drops) out.push(`${subject} ${on} dropped ${count} times in ${c.minutes} min`);
    }
  }
  return out.sort();
}

const STATUSES = [
  DeviceStatus.DISCONNECTED,
  DeviceStatus.TCP_CONNECTED,
  DeviceStatus.TLS_CONNECTED,
  DeviceStatus.TCP_CANNOT_CONNECT,
  DeviceStatus.TLS_NOT_ALLOWED,
];

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rule = (condition: AlertRule['condition'], scope: AlertScope): AlertRule =>
  ({ id: 1, name: 'r', enabled: true, condition, scope, webhookIDs: [] }) as unknown as AlertRule;

describe('device rules visit only the devices that can be in alarm', () => {
  it('gives exactly the full scan’s hits over random changes, seeds, scopes and open alarms', () => {
    const random = mulberry32(7);
    const tenantOf: TenantOf = (g) => (Number(g.slice(2)) % 2 === 0 ? 't2' : 't1');
    const seeds = new Map<number, DeviceSeed>();
    for (let id = 1; id <= 300; id += 7)
      seeds.set(id, { disconnectedSince: 500, drops: [600, 700, 900_000] });
    const state = new WatchState(seeds);
    const conditions: AlertRule['condition'][] = [
      { kind: 'device-offline', seconds: 0 },
      { kind: 'device-offline', seconds: 30 },
      { kind: 'device-failure', cause: 'TCP_CANNOT_CONNECT' },
      { kind: 'device-failure', cause: 'TLS_NOT_ALLOWED' },
      { kind: 'device-flapping', drops: 2, minutes: 1 },
      { kind: 'device-flapping', drops: 3, minutes: 60 },
    ];
    const scopes: AlertScope[] = [
      { kind: 'all' },
      { kind: 'tenant', tenantID: 't1' },
      { kind: 'gateway', gatewayID: 'gw3' },
      { kind: 'device', deviceID: 8 },
      { kind: 'device', deviceID: 99_999 },
    ];
    let now = 1_000_000;
    let compared = 0;
    let nonEmpty = 0;
    for (let step = 0; step < 4000; step++) {
      now += Math.floor(random() * 2000);
      const deviceID = 1 + Math.floor(random() * 300);
      // Devices move between gateways now and then, as after a gateway changes tenant.
      const gatewayID = `gw${1 + ((deviceID + (step > 2000 ? 1 : 0)) % 5)}`;
      const status = STATUSES[Math.floor(random() * STATUSES.length)]!;
      state.device({ deviceID, gatewayID, status, at: now });
      if (step % 97 !== 0) continue;
      for (const condition of conditions)
        for (const scope of scopes) {
          const r = rule(condition, scope);
          const open = new Set<string>();
          for (let k = 0; k < 5; k++) open.add(`device:${1 + Math.floor(random() * 300)}`);
          const got = [...evaluateRule(r, state, tenantOf, now, open).values()]
            .map((h) => `${h.subject} ${h.message}`)
            .sort();
          expect(got).toEqual(referenceHits(r, state, tenantOf, now, open));
          compared++;
          if (got.length > 0) nonEmpty++;
        }
    }
    expect(compared).toBeGreaterThan(1000);
    expect(nonEmpty).toBeGreaterThan(200);
  });

  it('does not scan every device for offline, failure and flapping rules', () => {
    const state = new WatchState();
    for (let id = 1; id <= 10_000; id++)
      state.device({ deviceID: id, gatewayID: 'gw1', status: DeviceStatus.TCP_CONNECTED, at: 0 });
    state.device({ deviceID: 5, gatewayID: 'gw1', status: DeviceStatus.DISCONNECTED, at: 1000 });
    state.device({
      deviceID: 6,
      gatewayID: 'gw1',
      status: DeviceStatus.TCP_CANNOT_CONNECT,
      at: 1000,
    });
    const scan = vi.spyOn(state.devices, 'values');
    const forEach = vi.spyOn(state.devices, 'forEach');
    const iterate = vi.spyOn(state.devices, Symbol.iterator);
    const tenantOf: TenantOf = () => 't1';
    const hits = (condition: AlertRule['condition']) => [
      ...evaluateRule(rule(condition, { kind: 'all' }), state, tenantOf, 100_000).keys(),
    ];
    expect(hits({ kind: 'device-offline', seconds: 10 }).sort()).toEqual(['device:5', 'device:6']);
    expect(hits({ kind: 'device-failure', cause: 'TCP_CANNOT_CONNECT' })).toEqual(['device:6']);
    expect(hits({ kind: 'device-flapping', drops: 2, minutes: 10 })).toEqual([]);
    expect(scan).not.toHaveBeenCalled();
    expect(forEach).not.toHaveBeenCalled();
    expect(iterate).not.toHaveBeenCalled();
  });
});

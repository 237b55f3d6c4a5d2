// Pure evaluation of one rule over the watch state: which subjects are in alarm now. No I/O.
import type { AlertRule, AlertScope } from '@cmc/api';
import type { DeviceWatch, GatewayWatch, WatchState } from './watch-state.ts';

export interface Hit {
  subject: string;
  deviceID: number | null;
  gatewayID: string | null;
  message: string;
}

export type TenantOf = (gatewayID: string) => string | undefined;

export const deviceSubject = (deviceID: number): string => `device:${deviceID}`;
export const gatewaySubject = (gatewayID: string): string => `gateway:${gatewayID}`;

/** True when the state knows the subject: only then may an open alarm on it be cleared. */
export function knows(state: WatchState, subject: string): boolean {
  if (subject.startsWith('device:')) return state.devices.has(Number(subject.slice(7)));
  if (subject.startsWith('gateway:')) return state.gateways.has(subject.slice(8));
  return false;
}

function deviceInScope(d: DeviceWatch, scope: AlertScope, tenantOf: TenantOf): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'tenant':
      return tenantOf(d.gatewayID) === scope.tenantID;
    case 'gateway':
      return d.gatewayID === scope.gatewayID;
    case 'device':
      return d.deviceID === scope.deviceID;
  }
}

function gatewayInScope(g: GatewayWatch, scope: AlertScope, tenantOf: TenantOf): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'tenant':
      return tenantOf(g.gatewayID) === scope.tenantID;
    case 'gateway':
      return g.gatewayID === scope.gatewayID;
    case 'device':
      return false;
  }
}

/**
 * The devices of `candidates` (one of the state's indexes of devices that can be in alarm) in the
 * rule's scope: a rule's cost follows the devices that can hit it, not the size of the fleet.
 */
function devicesInScope(
  candidates: ReadonlyMap<number, DeviceWatch>,
  scope: AlertScope,
  tenantOf: TenantOf,
): DeviceWatch[] {
  if (scope.kind === 'device') {
    const d = candidates.get(scope.deviceID);
    return d ? [d] : [];
  }
  const out: DeviceWatch[] = [];
  for (const d of candidates.values()) if (deviceInScope(d, scope, tenantOf)) out.push(d);
  return out;
}

/**
 * A device in alarm. Every tick re-finds every hit (thousands when a fleet of 100,000 has a few
 * percent down) but a message is read only when an alarm is raised, so it is built only then.
 */
class DeviceHit implements Hit {
  readonly subject: string;
  readonly deviceID: number;
  readonly gatewayID: string;
  private text: string | undefined;

  // Raised (and so described) in the same synchronous tick, before the watch can change.
  constructor(
    private readonly watch: DeviceWatch,
    private readonly describe: (d: DeviceWatch) => string,
  ) {
    this.subject = deviceSubject(watch.deviceID);
    this.deviceID = watch.deviceID;
    this.gatewayID = watch.gatewayID;
  }

  get message(): string {
    return (this.text ??= this.describe(this.watch));
  }
}

const deviceHit = (d: DeviceWatch, describe: (d: DeviceWatch) => string): Hit =>
  new DeviceHit(d, describe);

export function evaluateRule(
  rule: AlertRule,
  state: WatchState,
  tenantOf: TenantOf,
  now: number,
  /** Subjects with an open alarm of this rule: an outage keeps its alarm until it ends, even when
   * its start is known only from the alarm (after a restart the state counts from its first look). */
  open: ReadonlySet<string> = new Set(),
): Map<string, Hit> {
  const hits = new Map<string, Hit>();
  const add = (hit: Hit) => hits.set(hit.subject, hit);
  const c = rule.condition;
  switch (c.kind) {
    case 'device-offline': {
      const describe = (d: DeviceWatch) =>
        `device ${d.deviceID} on gateway ${d.gatewayID} not connected for more than ${c.seconds} s (${d.statusName})`;
      for (const d of devicesInScope(state.notConnected, rule.scope, tenantOf))
        if (
          !d.connected &&
          (now - d.since >= c.seconds * 1000 || open.has(deviceSubject(d.deviceID)))
        )
          add(deviceHit(d, describe));
      break;
    }
    case 'gateway-offline':
      for (const g of state.gateways.values())
        if (
          gatewayInScope(g, rule.scope, tenantOf) &&
          !g.connected &&
          (now - g.since >= c.seconds * 1000 || open.has(gatewaySubject(g.gatewayID)))
        )
          add({
            subject: gatewaySubject(g.gatewayID),
            deviceID: null,
            gatewayID: g.gatewayID,
            message: `gateway ${g.gatewayID} offline for more than ${c.seconds} s`,
          });
      break;
    case 'device-flapping': {
      const from = now - c.minutes * 60_000;
      for (const d of devicesInScope(state.withDrops, rule.scope, tenantOf)) {
        let count = 0;
        for (let k = d.drops.length - 1; k >= 0 && (d.drops[k] ?? 0) >= from; k--) count++;
        if (count >= c.drops)
          add(
            deviceHit(
              d,
              () =>
                `device ${d.deviceID} on gateway ${d.gatewayID} dropped ${count} times in ${c.minutes} min`,
            ),
          );
      }
      break;
    }
    case 'device-failure': {
      const describe = (d: DeviceWatch) =>
        `device ${d.deviceID} on gateway ${d.gatewayID} failing: ${c.cause}`;
      // Every failure cause is a status that is not connected.
      for (const d of devicesInScope(state.notConnected, rule.scope, tenantOf))
        if (d.statusName === c.cause) add(deviceHit(d, describe));
      break;
    }
  }
  return hits;
}

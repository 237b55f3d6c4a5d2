import type { AlertRule } from '@cmc/api';

/** "Device not connected > 60 s" and "every device" / "gateway gateway1" / … */
export function describeCondition(rule: AlertRule): string {
  const c = rule.condition;
  switch (c.kind) {
    case 'device-offline':
      return `Device not connected > ${c.seconds} s`;
    case 'gateway-offline':
      return `Gateway offline > ${c.seconds} s`;
    case 'device-flapping':
      return `Device dropped ${c.drops}× within ${c.minutes} min`;
    case 'device-failure':
      return `Device failing with ${c.cause}`;
  }
}

export function describeScope(rule: AlertRule): string {
  const s = rule.scope;
  switch (s.kind) {
    case 'all':
      return rule.condition.kind === 'gateway-offline' ? 'every gateway' : 'every device';
    case 'tenant':
      return `tenant ${s.tenantID}`;
    case 'gateway':
      return `gateway ${s.gatewayID}`;
    case 'device':
      return `device ${s.deviceID}`;
  }
}

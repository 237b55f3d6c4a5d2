import type { AuditEntry } from '@cmc/api';
import { connectionModeLabel } from '../../lib/device-status.ts';

/**
 * The audit log stores, per row, the action id and a technical summary (the route's description
 * followed by its parameters and body as JSON, or a short note the handler wrote). The operator
 * reads a sentence instead: "Enabled SSL on 2 devices of gateway1".
 */

type Json = Record<string, unknown>;

/** The JSON objects inside a stored summary, in order (a truncated one is skipped). */
export function jsonParts(summary: string): Json[] {
  const parts: Json[] = [];
  let i = 0;
  while ((i = summary.indexOf('{', i)) !== -1) {
    const end = matchingBrace(summary, i);
    if (end === -1) break;
    try {
      const value: unknown = JSON.parse(summary.slice(i, end + 1));
      if (value && typeof value === 'object' && !Array.isArray(value)) parts.push(value as Json);
    } catch {
      // Not JSON after all: keep looking after this brace.
    }
    i = end + 1;
  }
  return parts;
}

function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Past tense for what happened, the plain verb for what failed: "Could not <verb> <object>". */
interface Phrase {
  done: string;
  verb: string;
  object: string;
}

const phrase = (done: string, verb: string, object: string): Phrase => ({ done, verb, object });

function devicesOf(entry: AuditEntry, body: Json): string {
  const ids = entry.deviceIDs.length || list(body.deviceIDs).length;
  const devices =
    ids === 1 && entry.deviceIDs[0] ? `device ${entry.deviceIDs[0]}` : plural(ids, 'device');
  return entry.gatewayID ? `${devices} of ${entry.gatewayID}` : devices;
}

const storeName = (action: string) =>
  action.endsWith('-db') ? "the master's database" : 'the session';

function filterText(body: Json): string {
  const filter = (body.filter ?? {}) as Json;
  if (filter.allowAll === true) return 'allow all devices';
  const ids = list(filter.deviceIDs).length;
  return ids === 0 ? 'allow no devices' : `allow only ${plural(ids, 'listed device')}`;
}

/** What one action did, from the entry and the JSON objects of its stored summary. */
function describe(entry: AuditEntry, params: Json, body: Json): Phrase | null {
  const gw = entry.gatewayID ?? str(params.gatewayID) ?? 'the gateway';
  const a = entry.action;
  switch (a) {
    case 'auth.login':
      return phrase('Signed in', 'sign in', entry.username ? `as ${entry.username}` : '');
    case 'auth.logout':
      return phrase('Signed out', 'sign out', '');
    case 'gateways.search':
      return phrase('Searched', 'search', `the subnet of ${gw} for devices`);
    case 'gateways.connect': {
      const noted = /^connect (\S+)/.exec(entry.summary)?.[1];
      const address =
        noted ??
        (str(body.IPAddr) ? `${str(body.IPAddr)}:${String(body.port ?? 51211)}` : 'a device');
      const ssl = body.useSSL === true || entry.summary.includes('(SSL)') ? ' over SSL' : '';
      return phrase('Connected', 'connect', `${address} through ${gw}${ssl}`);
    }
    case 'async.add-session':
    case 'async.add-db':
      return phrase(
        'Added',
        'add',
        `async connections to ${devicesOf(entry, body)} in ${storeName(a)}`,
      );
    case 'async.delete-session':
    case 'async.delete-db':
      return phrase(
        'Removed',
        'remove',
        `the async connections of ${devicesOf(entry, body)} from ${storeName(a)}`,
      );
    case 'accept-filter.set-session':
    case 'accept-filter.set-db':
      return phrase(
        'Set',
        'set',
        `the accept filter of ${gw} in ${storeName(a)} to ${filterText(body)}`,
      );
    case 'devices.disconnect':
      return phrase('Disconnected', 'disconnect', devicesOf(entry, body));
    case 'devices.disconnect-all':
      return phrase('Disconnected', 'disconnect', `every device of ${gw}`);
    case 'devices.connection-mode': {
      const noted = /connection mode (\S+)/.exec(entry.summary)?.[1];
      const mode = connectionModeLabel(
        str(body.mode) ?? (noted && /^\d$/.test(noted) ? Number(noted) : noted),
      );
      return phrase(
        'Changed',
        'change',
        `the connection mode of ${devicesOf(entry, body)} to ${mode}`,
      );
    }
    case 'devices.ssl': {
      const on =
        typeof body.enabled === 'boolean' ? body.enabled : !/^disable/i.test(entry.summary);
      return on
        ? phrase('Enabled', 'enable', `SSL on ${devicesOf(entry, body)}`)
        : phrase('Disabled', 'disable', `SSL on ${devicesOf(entry, body)}`);
    }
    case 'slaves.set-session':
    case 'slaves.add-db': {
      const parents = list(body.slaveDeviceInfos).length;
      return phrase(
        'Saved',
        'save',
        `slave devices of ${plural(parents, 'parent device')} of ${gw} in ${storeName(a)}`,
      );
    }
    case 'slaves.delete-db':
      return phrase('Deleted', 'delete', `the saved slave devices of ${devicesOf(entry, body)}`);
    case 'tenants.create': {
      const gateways = list(body.gatewayIDs).map(String);
      const tenant = str(body.tenantID) ?? 'a tenant';
      return phrase(
        'Added',
        'add',
        `tenant ${tenant}${gateways.length ? ` with ${gateways.join(', ')}` : ''}`,
      );
    }
    case 'tenants.delete':
      return phrase('Deleted', 'delete', `tenant ${str(params.tenantID) ?? ''}`.trim());
    case 'tenants.add-gateways':
    case 'tenants.delete-gateways': {
      const gateways = list(body.gatewayIDs).map(String).join(', ') || 'gateways';
      const tenant = str(params.tenantID) ?? 'a tenant';
      return a === 'tenants.add-gateways'
        ? phrase('Assigned', 'assign', `${gateways} to tenant ${tenant}`)
        : phrase('Removed', 'remove', `${gateways} from tenant ${tenant}`);
    }
    case 'accounts.create': {
      const noted = /viewer (\S+) for tenant (\S+)/.exec(entry.summary);
      const user = str(body.username) ?? noted?.[1] ?? 'a viewer';
      const tenant = str(body.tenantID) ?? noted?.[2];
      return phrase(
        'Created',
        'create',
        `the viewer account ${user}${tenant ? ` for tenant ${tenant}` : ''}`,
      );
    }
    case 'accounts.delete': {
      const user = /delete account (\S+)/.exec(entry.summary)?.[1];
      return phrase('Deleted', 'delete', user ? `the account ${user}` : 'an account');
    }
    case 'accounts.reset-password': {
      const user = /password of (\S+)/.exec(entry.summary)?.[1];
      return phrase('Reset', 'reset', `the password of ${user ?? 'an account'}`);
    }
    default:
      return null;
  }
}

const PATH_PARAMS = new Set(['gatewayID', 'tenantID', 'accountID', 'deviceID']);
const isPathParams = (part: Json) => Object.keys(part).every((key) => PATH_PARAMS.has(key));

/** A readable sentence for an audit row; an unknown action keeps its stored text minus the JSON. */
export function auditSentence(entry: AuditEntry): string {
  const parts = jsonParts(entry.summary);
  // Route-level summaries hold the path parameters (when the route has any), then the body.
  const params = parts.find(isPathParams) ?? {};
  const body = parts.find((part) => part !== params) ?? {};
  const p = describe(entry, params, body);
  if (!p) {
    const text = entry.summary.split('{')[0]?.trim() || entry.action;
    return entry.outcome === 'failure' ? `Failed: ${text}` : text;
  }
  const object = p.object ? ` ${p.object}` : '';
  return entry.outcome === 'failure' ? `Could not ${p.verb}${object}` : `${p.done}${object}`;
}

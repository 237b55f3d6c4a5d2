import type { AsyncConnectionsResponse, DeviceRow, Store } from '@cmc/api';
import { isConnectedStatus } from '../../lib/device-status.ts';

/** How a device is connected decides what an SSL change does to it (G-SDK: the connection drops). */
export type DeviceKind = 'sync' | 'async' | 'device-to-server';

export function deviceKind(row: Pick<DeviceRow, 'connectionMode' | 'autoReconnect'>): DeviceKind {
  if (row.connectionMode === 'DEVICE_TO_SERVER') return 'device-to-server';
  return row.autoReconnect ? 'async' : 'sync';
}

export interface SslTarget {
  row: DeviceRow;
  kind: DeviceKind;
  /** Where its async registration is kept (the saved one is what a re-registration updates). */
  registration: Store | null;
}

export interface SslPlan {
  enabled: boolean;
  /** Devices the command is sent to. */
  targets: SslTarget[];
  /** Devices left alone, with the reason. */
  skipped: Array<{ row: DeviceRow; reason: string }>;
}

/** Saved registration first: once applied it also shows in the session list. */
export function registrationOf(
  deviceID: number,
  lists: AsyncConnectionsResponse | undefined,
): Store | null {
  if (!lists) return null;
  if (lists.db.some((i) => i.deviceID === deviceID)) return 'db';
  if (lists.session.some((i) => i.deviceID === deviceID)) return 'session';
  return null;
}

export function buildSslPlan(
  rows: readonly DeviceRow[],
  enabled: boolean,
  listsOf: (gatewayID: string) => AsyncConnectionsResponse | undefined,
): SslPlan {
  const on = enabled ? 'on' : 'off';
  const plan: SslPlan = { enabled, targets: [], skipped: [] };
  for (const row of rows) {
    if (!isConnectedStatus(row.status))
      plan.skipped.push({
        row,
        reason: 'not connected: the gateway changes SSL only on a connected device',
      });
    else if (row.useSSL === enabled)
      plan.skipped.push({ row, reason: `already SSL ${on}: nothing to change` });
    else
      plan.targets.push({
        row,
        kind: deviceKind(row),
        registration: registrationOf(row.deviceID, listsOf(row.gatewayID)),
      });
  }
  return plan;
}

export const STORE_WORD: Record<Store, string> = { session: 'session', db: 'saved' };

const ids = (targets: SslTarget[], withStore = false) =>
  targets
    .map((t) =>
      withStore && t.registration
        ? `${t.row.deviceID} (${STORE_WORD[t.registration]})`
        : String(t.row.deviceID),
    )
    .join(', ');

/** What will happen, one sentence per kind of device, as shown before anything runs. */
export function planGroups(
  plan: SslPlan,
  updateRegistrations: boolean,
): Array<{ kind: DeviceKind; devices: string; text: string }> {
  const on = plan.enabled ? 'on' : 'off';
  const over = plan.enabled ? 'over TLS' : 'over plain TCP';
  // What a reconnect with the old flag runs into (G-SDK: useSSL must match the device).
  const failsWith = plan.enabled
    ? 'plain TCP not allowed: the device requires SSL'
    : 'TLS cannot connect: the device has SSL off';
  const of = (kind: DeviceKind) => plan.targets.filter((t) => t.kind === kind);
  const groups: Array<{ kind: DeviceKind; devices: string; text: string }> = [];
  const sync = of('sync');
  if (sync.length > 0)
    groups.push({
      kind: 'sync',
      devices: ids(sync),
      text: `Connected synchronously: the connection drops and the device leaves the managed list (sync connections are not retried). Connect it again with SSL ${on} from Connect or Search.`,
    });
  const async = of('async');
  if (async.length > 0)
    groups.push({
      kind: 'async',
      devices: ids(async, true),
      text: updateRegistrations
        ? `Async: the connection drops; their registrations are updated to SSL ${on} in the same run, so the gateway reconnects them ${over}.`
        : `Async: the connection drops; their registrations keep SSL ${plan.enabled ? 'off' : 'on'}, so the gateway's retries will fail (${failsWith}) until the registrations are updated.`,
    });
  const d2s = of('device-to-server');
  if (d2s.length > 0)
    groups.push({
      kind: 'device-to-server',
      devices: ids(d2s),
      text: `Device → server: the device drops its connection and dials the gateway again with SSL ${on}; the accept filter decides whether it gets back in. No registration to update.`,
    });
  return groups;
}

export interface DeviceOutcome {
  /** The SSL command's own answer for this device. */
  ssl: { ok: true } | { ok: false; message: string };
  /** Only for async devices when their registration was (to be) updated. */
  registration?: { updated: true } | { updated: false; message: string } | 'none' | 'left';
}

/** One result per device, and one tone, so success and failure never show side by side. */
export function resultOf(
  target: SslTarget,
  enabled: boolean,
  outcome: DeviceOutcome,
): { tone: 'ok' | 'warn' | 'bad'; text: string } {
  const on = enabled ? 'on' : 'off';
  const old = enabled ? 'off' : 'on';
  if (!outcome.ssl.ok) return { tone: 'bad', text: `Failed: ${outcome.ssl.message}` };
  switch (target.kind) {
    case 'sync':
      return {
        tone: 'ok',
        text: `SSL ${on}; it left the managed list (sync connections are not retried): connect it again with SSL ${on}.`,
      };
    case 'device-to-server':
      return {
        tone: 'ok',
        text: `SSL ${on}; it dials in again with SSL ${on} and the accept filter decides.`,
      };
    case 'async': {
      const r = outcome.registration;
      const store = target.registration ? STORE_WORD[target.registration] : 'async';
      if (r === 'left' || r === undefined)
        return {
          tone: 'warn',
          text: `SSL ${on} in the device, but its ${store} registration still says SSL ${old}: the gateway cannot reconnect it until the registration is updated.`,
        };
      if (r === 'none')
        return { tone: 'ok', text: `SSL ${on}; it has no async registration to update.` };
      if (r.updated)
        return {
          tone: 'ok',
          text: `SSL ${on}; ${store} registration updated: the gateway reconnects it ${enabled ? 'over TLS' : 'over plain TCP'}.`,
        };
      return {
        tone: 'warn',
        text: `SSL ${on} in the device, but updating its ${store} registration failed (${r.message}): it still says SSL ${old} and the gateway cannot reconnect it.`,
      };
    }
  }
}

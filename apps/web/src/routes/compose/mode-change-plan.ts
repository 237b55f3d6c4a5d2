import type { ConnectionMode, DeviceDetail, Store } from '@cmc/api';

/** The user's choices in the guided mode change. */
export interface ModeChangeChoices {
  removeAsync: Store[];
  acceptFilter: Store | null;
  removeFromFilter: Store[];
  reconnect: 'none' | 'connect' | 'async-session' | 'async-db';
  IPAddr: string;
  port: number;
}

export type Step =
  | { kind: 'set-mode'; mode: ConnectionMode; text: string }
  | { kind: 'remove-async'; store: Store; text: string }
  | { kind: 'accept'; store: Store; text: string }
  | { kind: 'unaccept'; store: Store; text: string }
  | { kind: 'connect'; IPAddr: string; port: number; useSSL: boolean; text: string }
  | {
      kind: 'add-async';
      store: Store;
      IPAddr: string;
      port: number;
      useSSL: boolean;
      text: string;
    };

const STORE = { session: 'session', db: 'saved (database)' } as const;

/** What the G-SDK recommends around a mode change, preselected from the device's current setup. */
export function defaultChoices(detail: DeviceDetail): ModeChangeChoices {
  const d = detail.device;
  const toServer = d.connectionMode === 'SERVER_TO_DEVICE';
  const registered: Store[] = (['session', 'db'] as const).filter(
    (s) => detail.asyncConnection[s] !== null,
  );
  const accepted: Store[] = (['session', 'db'] as const).filter((s) => detail.acceptedByFilter[s]);
  return {
    removeAsync: toServer ? registered : [],
    acceptFilter: toServer ? (registered.includes('db') ? 'db' : 'session') : null,
    removeFromFilter: toServer ? [] : accepted,
    reconnect: toServer ? 'none' : 'async-session',
    IPAddr: detail.asyncConnection.db?.IPAddr ?? detail.asyncConnection.session?.IPAddr ?? d.IPAddr,
    port:
      detail.asyncConnection.db?.port ?? detail.asyncConnection.session?.port ?? (d.port || 51211),
  };
}

/** The ordered steps to run: the mode first (it needs the device connected), then the follow-ups. */
export function buildPlan(detail: DeviceDetail, choices: ModeChangeChoices): Step[] {
  const d = detail.device;
  const target: ConnectionMode =
    d.connectionMode === 'SERVER_TO_DEVICE' ? 'DEVICE_TO_SERVER' : 'SERVER_TO_DEVICE';
  const steps: Step[] = [
    {
      kind: 'set-mode',
      mode: target,
      text: `Switch device ${d.deviceID} to ${target === 'DEVICE_TO_SERVER' ? 'device → server (it will dial the gateway)' : 'server → device (the gateway dials it)'}`,
    },
  ];
  if (target === 'DEVICE_TO_SERVER') {
    for (const store of choices.removeAsync)
      steps.push({
        kind: 'remove-async',
        store,
        text: `Remove its ${STORE[store]} async registration`,
      });
    if (choices.acceptFilter)
      steps.push({
        kind: 'accept',
        store: choices.acceptFilter,
        text: `Add it to the ${STORE[choices.acceptFilter]} accept filter of ${d.gatewayID}`,
      });
  } else {
    for (const store of choices.removeFromFilter)
      steps.push({
        kind: 'unaccept',
        store,
        text: `Remove it from the ${STORE[store]} accept filter`,
      });
    const at = `${choices.IPAddr}:${choices.port}${d.useSSL ? ' over SSL' : ''}`;
    if (choices.reconnect === 'connect')
      steps.push({
        kind: 'connect',
        IPAddr: choices.IPAddr,
        port: choices.port,
        useSSL: d.useSSL,
        text: `Connect to it now at ${at}`,
      });
    if (choices.reconnect === 'async-session' || choices.reconnect === 'async-db') {
      const store: Store = choices.reconnect === 'async-db' ? 'db' : 'session';
      steps.push({
        kind: 'add-async',
        store,
        IPAddr: choices.IPAddr,
        port: choices.port,
        useSSL: d.useSSL,
        text: `Register it as ${STORE[store]} async connection at ${at}`,
      });
    }
  }
  return steps;
}

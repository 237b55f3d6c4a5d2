import {
  connectedStatuses,
  connectionModeLabels,
  connectionModeNames,
  deviceStatusLabels,
  deviceStatusReasons,
  type ConnectionMode,
  type DeviceStatus,
} from '@cmc/api';

export type StatusTone = 'ok' | 'off' | 'bad';

export interface StatusDisplay {
  label: string;
  tone: StatusTone;
  /** What went wrong, in words, for failure statuses. */
  reason: string | null;
}

function toneOf(name: DeviceStatus): StatusTone {
  if (connectedStatuses.includes(name)) return 'ok';
  return name === 'DISCONNECTED' ? 'off' : 'bad';
}

/** connect.Status name as REST and the live socket send it; absent → 'UNKNOWN'. */
export function statusName(status: string | null | undefined): string {
  return status ?? 'UNKNOWN';
}

export function statusDisplay(status: string | null | undefined): StatusDisplay {
  const name = statusName(status);
  if (!Object.hasOwn(deviceStatusLabels, name))
    return { label: name.replaceAll('_', ' ').toLowerCase(), tone: 'bad', reason: null };
  const known = name as DeviceStatus;
  return {
    label: deviceStatusLabels[known],
    tone: toneOf(known),
    reason: deviceStatusReasons[known] ?? null,
  };
}

export function isConnectedStatus(status: string | null | undefined): boolean {
  return statusDisplay(status).tone === 'ok';
}

/**
 * Failure reason in words for a row's last failure (`TCP_NOT_ALLOWED` ...). This table is the one
 * place the console words a device status; every screen (rows, detail, history) goes through it.
 */
export function failureReason(status: string | null | undefined): string | null {
  if (status === null || status === undefined) return null;
  return statusDisplay(status).reason ?? statusDisplay(status).label;
}

/**
 * Words for a connection mode name. Audit entries written before modes travelled as names say
 * "connection mode 0/1": those numbers are the proto values, in connectionModeNames' order.
 */
export function connectionModeLabel(mode: string | number | null | undefined): string {
  const name = typeof mode === 'number' ? connectionModeNames[mode] : mode;
  return name && Object.hasOwn(connectionModeLabels, name)
    ? connectionModeLabels[name as ConnectionMode]
    : '—';
}

/** One line for a status change: "Cannot connect — The device did not answer (…)", or just the label. */
export function statusSentence(status: string | null | undefined): string {
  const display = statusDisplay(status);
  return display.reason ? `${display.label} — ${display.reason}` : display.label;
}

/** connect.Status, as numbers on the wire and names in our API. */
export const STATUS_NAMES: Record<number, string> = {
  0: 'DISCONNECTED',
  1: 'TCP_CONNECTED',
  2: 'TLS_CONNECTED',
  0x100: 'TCP_CANNOT_CONNECT',
  0x101: 'TCP_NOT_ALLOWED',
  0x200: 'TLS_CANNOT_CONNECT',
  0x201: 'TLS_NOT_ALLOWED',
};

export type StatusTone = 'ok' | 'off' | 'bad';

export interface StatusDisplay {
  label: string;
  tone: StatusTone;
  /** What went wrong, in words, for failure statuses. */
  reason: string | null;
}

const DISPLAY: Record<string, StatusDisplay> = {
  DISCONNECTED: { label: 'Disconnected', tone: 'off', reason: null },
  TCP_CONNECTED: { label: 'Connected', tone: 'ok', reason: null },
  TLS_CONNECTED: { label: 'Connected (TLS)', tone: 'ok', reason: null },
  TCP_CANNOT_CONNECT: {
    label: 'Cannot connect',
    tone: 'bad',
    reason: 'Gateway could not reach the device',
  },
  TCP_NOT_ALLOWED: {
    label: 'Not allowed',
    tone: 'bad',
    reason: 'Refused: not in the accept filter / SSL required',
  },
  TLS_CANNOT_CONNECT: {
    label: 'TLS failed',
    tone: 'bad',
    reason: 'TLS handshake failed (SSL setting or certificate)',
  },
  TLS_NOT_ALLOWED: {
    label: 'TLS not allowed',
    tone: 'bad',
    reason: 'TLS dial-in refused by the accept filter',
  },
};

export function statusName(status: number | string | null | undefined): string {
  if (status === null || status === undefined) return 'UNKNOWN';
  return typeof status === 'number' ? (STATUS_NAMES[status] ?? `STATUS_${status}`) : status;
}

export function statusDisplay(status: number | string | null | undefined): StatusDisplay {
  const name = statusName(status);
  return (
    DISPLAY[name] ?? { label: name.replaceAll('_', ' ').toLowerCase(), tone: 'bad', reason: null }
  );
}

export function isConnectedStatus(status: number | string | null | undefined): boolean {
  return statusDisplay(status).tone === 'ok';
}

/** Failure reason in words for a row's last failure (`TCP_NOT_ALLOWED` ...). */
export function failureReason(status: number | string | null | undefined): string | null {
  if (status === null || status === undefined) return null;
  return statusDisplay(status).reason ?? statusDisplay(status).label;
}

export const STATUS_FILTER_OPTIONS = [
  { value: 'connected', label: 'Connected' },
  { value: 'disconnected', label: 'Disconnected' },
  { value: 'failed', label: 'Failing' },
];

export function connectionModeLabel(mode: number | string | null | undefined): string {
  if (mode === 1 || mode === 'DEVICE_TO_SERVER') return 'Device → server';
  if (mode === 0 || mode === 'SERVER_TO_DEVICE') return 'Server → device';
  return '—';
}

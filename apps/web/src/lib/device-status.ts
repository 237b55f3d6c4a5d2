import { deviceStatusName } from '@cmc/gsdk/names';

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

/** connect.Status name; numbers (as the wire has them) go through the SDK's table, names pass as they are. */
export function statusName(status: number | string | null | undefined): string {
  if (status === null || status === undefined) return 'UNKNOWN';
  return typeof status === 'number' ? deviceStatusName(status) : status;
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

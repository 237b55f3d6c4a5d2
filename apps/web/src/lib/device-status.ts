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
    reason: 'The device did not answer (off the network, or a wrong address or port)',
  },
  TCP_NOT_ALLOWED: {
    label: 'Not allowed',
    tone: 'bad',
    reason: 'Plain TCP refused: the device requires SSL, or the accept filter does not let it in',
  },
  TLS_CANNOT_CONNECT: {
    label: 'TLS failed',
    tone: 'bad',
    reason:
      'TLS connection failed: the device did not answer, has SSL off, or its certificate does not match',
  },
  TLS_NOT_ALLOWED: {
    label: 'TLS not allowed',
    tone: 'bad',
    reason: 'TLS dial-in refused: the accept filter does not let it in',
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

/**
 * Failure reason in words for a row's last failure (`TCP_NOT_ALLOWED` ...). This table is the one
 * place the console words a device status; every screen (rows, detail, history) goes through it.
 */
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

/** One line for a status change: "Cannot connect — The device did not answer (…)", or just the label. */
export function statusSentence(status: number | string | null | undefined): string {
  const display = statusDisplay(status);
  return display.reason ? `${display.label} — ${display.reason}` : display.label;
}

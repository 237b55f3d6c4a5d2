// connect.Status values (gsdk-facts.md). History and live status both classify statuses with these.
const names: Record<number, string> = {
  0: 'DISCONNECTED',
  1: 'TCP_CONNECTED',
  2: 'TLS_CONNECTED',
  0x100: 'TCP_CANNOT_CONNECT',
  0x101: 'TCP_NOT_ALLOWED',
  0x200: 'TLS_CANNOT_CONNECT',
  0x201: 'TLS_NOT_ALLOWED',
};

export const DISCONNECTED = 0;

/** Name of a connect.Status; an unknown value (newer master) is shown as STATUS_<n>, never dropped. */
export function statusName(status: number): string {
  return names[status] ?? `STATUS_${status}`;
}

export function isConnectedStatus(status: number): boolean {
  return status === 1 || status === 2;
}

/** The *_CANNOT_CONNECT / *_NOT_ALLOWED family (0x100 and up). */
export function isFailureStatus(status: number): boolean {
  return status >= 0x100;
}

import { describe, expect, it } from 'vitest';
import { deviceTypeLabelOfName } from '@cmc/api';
import { failureReason, statusDisplay, statusName } from '../device-status.ts';
import { formatCount, timeAgo } from '../format.ts';
import { safeReturnTo, signInPath } from '../return-to.ts';

const now = Date.parse('2026-11-27T04:00:00Z');

describe('timeAgo', () => {
  it.each([
    ['2026-11-27T03:59:50Z', 'just now'],
    ['2026-11-27T03:59:00Z', '1 minute ago'],
    ['2026-11-27T03:57:00Z', '3 minutes ago'],
    ['2026-11-27T02:00:00Z', '2 hours ago'],
    ['2026-11-26T04:00:00Z', '1 day ago'],
    ['2026-11-22T04:00:00Z', '5 days ago'],
    ['2026-11-27T04:03:00Z', 'in 3 minutes'],
  ])('%s -> %s', (at, text) => {
    expect(timeAgo(at, now)).toBe(text);
  });
  it('shows a dash for missing or unreadable times', () => {
    expect(timeAgo(null, now)).toBe('—');
    expect(timeAgo('not a date', now)).toBe('—');
  });
});

describe('device type labels', () => {
  // The rows label types through the SDK table; these are the product names it prints.
  it.each([
    ['BIOSTATION_L2', 'BioStation L2'],
    ['BIOENTRY_W2', 'BioEntry W2'],
    ['FACESTATION_F2', 'FaceStation F2'],
    ['XSTATION_2', 'X-Station 2'],
    ['BIOSTATION_2A', 'BioStation 2a'],
    ['SECURE_IO_2', 'Secure I/O 2'],
    ['RS485_SLAVE', 'RS-485 Slave Device'],
    ['DOOR_MODULE_20', 'DM-20 Door Module'],
    ['IM_120', 'IM-120 Input Module'],
    ['XSTATION_2_FP', 'X-Station 2 (Fingerprint)'],
    ['ENTRY_MAX', 'XPass S2'],
    ['UNKNOWN_77', 'UNKNOWN_77'],
  ] as const)('%s -> %s', (name, label) => {
    expect(deviceTypeLabelOfName(name)).toBe(label);
  });
});

describe('status display', () => {
  it('says what a failure status means', () => {
    expect(statusDisplay('TLS_CONNECTED')).toMatchObject({ tone: 'ok', label: 'Connected (TLS)' });
    expect(statusDisplay('TCP_NOT_ALLOWED').tone).toBe('bad');
    expect(failureReason('TCP_NOT_ALLOWED')).toMatch(/accept filter/);
    expect(failureReason(null)).toBeNull();
    expect(failureReason(undefined)).toBeNull();
  });

  it('words the names REST and the live socket send, and shows an unknown name as it is', () => {
    expect(statusName('TCP_CONNECTED')).toBe('TCP_CONNECTED');
    expect(statusName(undefined)).toBe('UNKNOWN');
    expect(statusDisplay('DISCONNECTED')).toMatchObject({ tone: 'off', label: 'Disconnected' });
    expect(statusDisplay('TLS_CANNOT_CONNECT')).toMatchObject({ tone: 'bad', label: 'TLS failed' });
    expect(statusDisplay('UNKNOWN_999')).toMatchObject({ tone: 'bad', label: 'unknown 999' });
    expect(statusDisplay('toString')).toMatchObject({ tone: 'bad', label: 'tostring' });
  });
});

describe('return-to after sign-in', () => {
  it('keeps in-app paths and refuses other sites', () => {
    expect(safeReturnTo('/devices?gateway=g1')).toBe('/devices?gateway=g1');
    expect(safeReturnTo('//evil.example')).toBe('/');
    expect(safeReturnTo('https://evil.example')).toBe('/');
    expect(safeReturnTo('/sign-in')).toBe('/');
    expect(signInPath('/devices?x=1', true)).toBe('/sign-in?returnTo=%2Fdevices%3Fx%3D1&expired=1');
  });
});

describe('formatCount', () => {
  it('groups whole numbers by thousands, as en-US does', () => {
    for (const n of [0, 7, 999, 1000, 9451, 94_297, 100_000, 1_234_567, -1234, -999])
      expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
  });

  it('formats other numbers through Intl', () => {
    expect(formatCount(1234.5)).toBe('1,234.5');
  });
});

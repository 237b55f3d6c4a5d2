import { describe, expect, it } from 'vitest';
import type { DeviceList, DeviceRow, LiveChange } from '@cmc/api';
import {
  applyChangesToDetail,
  applyChangesToPage,
  dependsOnStatus,
  latestByDevice,
  sequenceGap,
} from '../apply-changes.ts';
import { statusDisplay } from '../../lib/device-status.ts';

function row(
  deviceID: number,
  status: DeviceRow['status'] = 'TCP_CONNECTED',
  gatewayID = 'gw1',
): DeviceRow {
  return {
    deviceID,
    gatewayID,
    type: 'BIOSTATION_L2',
    IPAddr: `10.0.0.${deviceID % 250}`,
    port: 51211,
    status,
    connectionMode: 'SERVER_TO_DEVICE',
    useSSL: false,
    autoReconnect: true,
  };
}

const page = (rows: DeviceRow[]): DeviceList => ({
  items: rows,
  total: rows.length,
  page: 1,
  pageSize: 50,
  unavailableGateways: [],
});
const change = (
  deviceID: number,
  status: LiveChange['status'],
  at = 1_700_000_000_000,
  gatewayID = 'gw1',
): LiveChange => ({ deviceID, gatewayID, status, at });

describe('applying live deltas to cached device pages', () => {
  it('replaces only the rows that changed; untouched rows keep their identity', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => row(i + 1));
    const before = page(rows);
    const after = applyChangesToPage(
      before,
      latestByDevice([change(42, 'DISCONNECTED', 1_700_000_000_000)]),
    );
    expect(after).not.toBe(before);
    expect(after.items[41]).toMatchObject({
      deviceID: 42,
      status: 'DISCONNECTED',
      lastDisconnectedAt: '2023-11-14T22:13:20.000Z',
    });
    // The row carries no label; the badge words come from the status itself.
    expect(after.items[41]).not.toHaveProperty('statusLabel');
    expect(statusDisplay(after.items[41]?.status).label).toBe('Disconnected');
    // A disconnect records no connect or failure fact the row did not have.
    expect(after.items[41]?.lastConnectedAt).toBeUndefined();
    expect(after.items[41]?.lastFailure).toBeUndefined();
    const unchanged = after.items.filter((r, i) => r === before.items[i]).length;
    expect(unchanged).toBe(9_999);
  });

  it('returns the same page object when the batch touches none of its rows', () => {
    const before = page([row(1), row(2)]);
    expect(applyChangesToPage(before, latestByDevice([change(99, 'DISCONNECTED')]))).toBe(before);
    // same status again (a snapshot re-applied): nothing to re-render
    expect(applyChangesToPage(before, latestByDevice([change(1, 'TCP_CONNECTED')]))).toBe(before);
  });

  it('uses the last change per device within a batch and records failures', () => {
    const latest = latestByDevice([
      change(1, 'DISCONNECTED', 1000),
      change(1, 'TLS_CANNOT_CONNECT', 2000),
    ]);
    const after = applyChangesToPage(page([row(1)]), latest);
    expect(after.items[0]).toMatchObject({
      status: 'TLS_CANNOT_CONNECT',
      lastFailure: 'TLS_CANNOT_CONNECT',
    });
  });

  it('ignores a change for the same device ID on another gateway', () => {
    const before = page([row(1, 'TCP_CONNECTED', 'gw1')]);
    expect(applyChangesToPage(before, latestByDevice([change(1, 'DISCONNECTED', 1, 'gw2')]))).toBe(
      before,
    );
  });

  it('sets lastConnectedAt when a device connects, and patches a cached device detail', () => {
    const detail = {
      device: row(7, 'DISCONNECTED'),
      asyncConnection: { session: null, db: null },
      acceptedByFilter: { session: false, db: false },
      slaves: { session: null, db: null },
    };
    const next = applyChangesToDetail(detail, latestByDevice([change(7, 'TLS_CONNECTED', 5000)]));
    expect(next.device).toMatchObject({
      status: 'TLS_CONNECTED',
      lastConnectedAt: new Date(5000).toISOString(),
    });
    expect(next.asyncConnection).toBe(detail.asyncConnection);
  });
});

describe('delta sequence', () => {
  it('detects gaps per gateway', () => {
    expect(sequenceGap(undefined, 5)).toBe(false);
    expect(sequenceGap(4, 5)).toBe(false);
    expect(sequenceGap(4, 7)).toBe(true);
    expect(sequenceGap(4, 4)).toBe(true);
  });
});

describe('which cached lists a status change can reorder', () => {
  it('only status-filtered or status-sorted lists', () => {
    expect(dependsOnStatus({ sort: 'deviceID', status: undefined })).toBe(false);
    expect(dependsOnStatus({ sort: 'IPAddr', status: [] })).toBe(false);
    expect(dependsOnStatus({ sort: 'deviceID', status: ['DISCONNECTED'] })).toBe(true);
    expect(dependsOnStatus({ sort: 'status' })).toBe(true);
    expect(dependsOnStatus({ sort: 'lastConnectedAt' })).toBe(true);
  });
});

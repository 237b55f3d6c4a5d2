// The report query on a real SQLite database (migrations applied) with a hand-made history.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/database.ts';
import { readAvailability } from '../availability-query.ts';
import { reportRows } from '../report-rows.ts';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reports-'));
  db = openDatabase(path.join(dir, 'bff.sqlite'));
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function change(deviceID: number, gatewayID: string, status: number, at: number): void {
  db.prepare(
    'INSERT INTO status_changes (device_id, gateway_id, status, at) VALUES (?, ?, ?, ?)',
  ).run(deviceID, gatewayID, status, at);
}

const H = 3_600_000;
const T0 = 1_700_000_000_000;

describe('readAvailability', () => {
  beforeEach(() => {
    // device 1 (gw-a): up before the range, 1 h outage, then up to the end
    change(1, 'gw-a', 1, T0 - 5 * H);
    change(1, 'gw-a', 0, T0 + 2 * H);
    change(1, 'gw-a', 0x100, T0 + 2 * H + 60_000);
    change(1, 'gw-a', 1, T0 + 3 * H);
    // device 2 (gw-b): down before the range (TLS refused), back after 6 h
    change(2, 'gw-b', 0x201, T0 - H);
    change(2, 'gw-b', 2, T0 + 6 * H);
    // device 3 (gw-a): rows pruned; device_facts says connected since long ago
    db.prepare(
      'INSERT INTO device_facts (device_id, gateway_id, last_status, last_changed_at) VALUES (?, ?, ?, ?)',
    ).run(3, 'gw-a', 1, T0 - 100 * H);
    // device 4 (gw-b): first seen in the range, after the end of it too
    change(4, 'gw-b', 1, T0 + 12 * H);
    change(4, 'gw-b', 0, T0 + 30 * H);
  });

  it('folds each device over a 24 h range with exact figures', () => {
    const rows = readAvailability(db, { gatewayIDs: 'all', from: T0, to: T0 + 24 * H });
    expect(rows).toEqual([
      {
        deviceID: 1,
        gatewayID: 'gw-a',
        observedMs: 24 * H,
        connectedMs: 23 * H,
        drops: 1,
        longestOutageMs: H,
        reconnectsMs: [H],
        downAtEnd: false,
      },
      {
        deviceID: 2,
        gatewayID: 'gw-b',
        observedMs: 24 * H,
        connectedMs: 18 * H,
        drops: 0,
        longestOutageMs: 6 * H,
        reconnectsMs: [],
        downAtEnd: false,
      },
      {
        deviceID: 3,
        gatewayID: 'gw-a',
        observedMs: 24 * H,
        connectedMs: 24 * H,
        drops: 0,
        longestOutageMs: 0,
        reconnectsMs: [],
        downAtEnd: false,
      },
      {
        deviceID: 4,
        gatewayID: 'gw-b',
        observedMs: 12 * H,
        connectedMs: 12 * H,
        drops: 0,
        longestOutageMs: 0,
        reconnectsMs: [],
        downAtEnd: false,
      },
    ]);
  });

  it('limits the rows to the given gateways', () => {
    const rows = readAvailability(db, { gatewayIDs: ['gw-b'], from: T0, to: T0 + 24 * H });
    expect(rows.map((r) => r.deviceID)).toEqual([2, 4]);
    expect(readAvailability(db, { gatewayIDs: [], from: T0, to: T0 + 24 * H })).toEqual([]);
  });

  it('groups by gateway and tenant', () => {
    const devices = readAvailability(db, { gatewayIDs: 'all', from: T0, to: T0 + 24 * H });
    const tenantOf = (g: string) => (g === 'gw-a' ? 'tenant1' : null);
    const byGateway = reportRows(devices, 'gateway', tenantOf);
    expect(byGateway).toEqual([
      {
        key: 'gw-a',
        deviceID: null,
        gatewayID: 'gw-a',
        tenantID: 'tenant1',
        devices: 2,
        observedSeconds: 48 * 3600,
        connectedSeconds: 47 * 3600,
        availabilityPercent: (47 / 48) * 100,
        drops: 1,
        longestOutageSeconds: 3600,
        meanTimeToReconnectSeconds: 3600,
        downAtEnd: false,
      },
      {
        key: 'gw-b',
        deviceID: null,
        gatewayID: 'gw-b',
        tenantID: null,
        devices: 2,
        observedSeconds: 36 * 3600,
        connectedSeconds: 30 * 3600,
        availabilityPercent: (30 / 36) * 100,
        drops: 0,
        longestOutageSeconds: 6 * 3600,
        meanTimeToReconnectSeconds: null,
        downAtEnd: false,
      },
    ]);
    const byTenant = reportRows(devices, 'tenant', tenantOf);
    expect(byTenant.map((r) => [r.key, r.devices, r.availabilityPercent])).toEqual([
      ['(no tenant)', 2, (30 / 36) * 100],
      ['tenant1', 2, (47 / 48) * 100],
    ]);
  });

  it('a range ending mid-outage counts it down at the end', () => {
    const [one] = readAvailability(db, {
      gatewayIDs: ['gw-a'],
      from: T0,
      to: T0 + 2 * H + 30 * 60_000,
    });
    expect(one).toMatchObject({
      deviceID: 1,
      drops: 1,
      longestOutageMs: 30 * 60_000,
      reconnectsMs: [],
      downAtEnd: true,
    });
  });
});

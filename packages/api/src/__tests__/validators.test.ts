import { describe, expect, it } from 'vitest';
import { deviceIDList, deviceIDParam, gatewayID, ipv4, port, subnetMask } from '../common.ts';
import { deviceListQuery } from '../devices.ts';
import { acceptFilter, searchRequest } from '../gateway-ops.ts';
import { auditQuery } from '../audit.ts';

describe('ipv4', () => {
  it.each(['0.0.0.0', '192.168.0.10', '255.255.255.255', '10.0.0.1'])('accepts %s', (ip) => {
    expect(ipv4.safeParse(ip).success).toBe(true);
  });
  it.each(['256.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', 'a.b.c.d', '', ' 1.2.3.4', '1.2.3.4 '])(
    'rejects %j',
    (ip) => {
      const result = ipv4.safeParse(ip);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/IPv4/);
    },
  );
});

describe('subnetMask', () => {
  it.each([
    '255.255.255.0',
    '255.255.0.0',
    '255.255.255.255',
    '0.0.0.0',
    '255.255.255.128',
    '255.255.254.0',
  ])('accepts %s', (mask) => {
    expect(subnetMask.safeParse(mask).success).toBe(true);
  });
  it.each(['255.0.255.0', '255.255.255.1', '0.255.255.255', '255.255.253.0', '300.0.0.0'])(
    'rejects %s',
    (mask) => {
      expect(subnetMask.safeParse(mask).success).toBe(false);
    },
  );
});

describe('port', () => {
  it('accepts the range 1-65535', () => {
    expect(port.safeParse(1).success).toBe(true);
    expect(port.safeParse(65535).success).toBe(true);
  });
  it.each([0, 65536, -1, 1.5, Number.NaN])('rejects %s', (p) => {
    expect(port.safeParse(p).success).toBe(false);
  });
  it('rejects strings', () => {
    expect(port.safeParse('51211').success).toBe(false);
  });
});

describe('device IDs', () => {
  it('accepts uint32 bounds', () => {
    expect(deviceIDList.safeParse([1, 4294967295, 544114231]).success).toBe(true);
  });
  it('rejects 0, 2^32, negatives, fractions', () => {
    for (const id of [0, 4294967296, -5, 1.2])
      expect(deviceIDList.safeParse([id]).success).toBe(false);
  });
  it('rejects an empty list, duplicates and more than 1000 IDs', () => {
    expect(deviceIDList.safeParse([]).success).toBe(false);
    expect(deviceIDList.safeParse([5, 5]).error?.issues[0]?.message).toMatch(/twice/);
    const many = Array.from({ length: 1001 }, (_, i) => i + 1);
    expect(deviceIDList.safeParse(many).error?.issues[0]?.message).toMatch(/at most 1000/);
    expect(deviceIDList.safeParse(many.slice(0, 1000)).success).toBe(true);
  });
  it('parses path parameters strictly', () => {
    expect(deviceIDParam.parse('846')).toBe(846);
    expect(deviceIDParam.safeParse('12abc').success).toBe(false);
    expect(deviceIDParam.safeParse('4294967296').success).toBe(false);
    expect(deviceIDParam.safeParse('-1').success).toBe(false);
  });
});

describe('gatewayID', () => {
  it.each(['gateway1', 'gw-2.a_b', 'x'.repeat(64)])('accepts %s', (id) => {
    expect(gatewayID.safeParse(id).success).toBe(true);
  });
  it.each(['', 'x'.repeat(65), 'gw 1', 'gw/1', '../etc', 'gw;drop'])('rejects %j', (id) => {
    expect(gatewayID.safeParse(id).success).toBe(false);
  });
});

describe('searchRequest', () => {
  it('defaults and bounds the timeout', () => {
    expect(searchRequest.parse({})).toEqual({ timeoutMs: 5000 });
    expect(searchRequest.safeParse({ timeoutMs: 100 }).success).toBe(false);
    expect(searchRequest.safeParse({ timeoutMs: 60_001 }).success).toBe(false);
  });
});

describe('acceptFilter', () => {
  it('names the bad subnet mask by path', () => {
    const result = acceptFilter.safeParse({
      allowAll: false,
      deviceIDs: [1],
      IPAddrs: ['10.0.0.1'],
      subnetMasks: ['255.0.255.0'],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['subnetMasks', 0]);
  });
});

describe('deviceListQuery', () => {
  it('applies defaults', () => {
    expect(deviceListQuery.parse({})).toMatchObject({
      page: 1,
      pageSize: 50,
      sort: 'deviceID',
      order: 'asc',
    });
  });
  it('splits multi-value filters and parses booleans', () => {
    const q = deviceListQuery.parse({
      status: 'TCP_CONNECTED,TLS_CONNECTED',
      ssl: 'true',
      type: 'BIOSTATION_L2',
      page: '3',
    });
    expect(q.status).toEqual(['TCP_CONNECTED', 'TLS_CONNECTED']);
    expect(q.ssl).toBe(true);
    expect(q.type).toEqual(['BIOSTATION_L2']);
    expect(q.page).toBe(3);
  });
  it('rejects unknown statuses, sort fields and page sizes', () => {
    expect(deviceListQuery.safeParse({ status: 'CONNECTED' }).success).toBe(false);
    expect(deviceListQuery.safeParse({ sort: 'password' }).success).toBe(false);
    expect(deviceListQuery.safeParse({ pageSize: '10001' }).success).toBe(false);
    expect(deviceListQuery.safeParse({ page: '0' }).success).toBe(false);
  });
});

describe('auditQuery', () => {
  it('rejects a bad date', () => {
    const result = auditQuery.safeParse({ from: 'yesterday' });
    expect(result.error?.issues[0]?.path).toEqual(['from']);
  });
});

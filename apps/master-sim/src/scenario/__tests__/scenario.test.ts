import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../__tests__/harness.ts';
import { demoScenario } from '../demo-scenario.ts';
import { generateLargeWorld } from '../large-world.ts';
import { loadScenario, parseScenario, ScenarioError } from '../load-scenario.ts';

describe('scenario validation', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  const base = () => ({
    tenants: ['t1'],
    gateways: [{ gatewayID: 'g1', tenantID: 't1' }],
    devices: [{ deviceID: 1, gatewayID: 'g1', type: 'BIOSTATION_L2', IPAddr: '192.168.0.10' }],
  });

  it('fills defaults and accepts types by name or number', () => {
    const s = parseScenario({
      ...base(),
      devices: [
        ...base().devices,
        { deviceID: 2, gatewayID: 'g1', type: 0x20, IPAddr: '192.168.0.11' },
      ],
    });
    expect(s.devices[0]).toMatchObject({
      type: 12,
      port: 51211,
      useSSL: false,
      reachable: true,
      flaky: false,
      registration: 'none',
    });
    expect(s.devices[1]!.type).toBe(32);
    expect(s.gateways[0]).toMatchObject({ connected: true, slaves: [] });
  });

  it.each([
    [
      'a bad IP',
      (s: ReturnType<typeof base>) => (s.devices[0]!.IPAddr = '192.168.0.999'),
      'devices[0].IPAddr: must be an IPv4 address',
    ],
    [
      'an unknown type',
      (s: ReturnType<typeof base>) => (s.devices[0]!.type = 'TOASTER'),
      'devices[0].type: unknown gsdk.device.Type "TOASTER"',
    ],
    [
      'an unknown gateway',
      (s: ReturnType<typeof base>) => (s.devices[0]!.gatewayID = 'g9'),
      'devices[0].gatewayID: unknown gateway g9',
    ],
    [
      'an unknown tenant',
      (s: ReturnType<typeof base>) => (s.gateways[0]!.tenantID = 'x'),
      'gateways[0].tenantID: unknown tenant x',
    ],
    [
      'a duplicate device',
      (s: ReturnType<typeof base>) => s.devices.push({ ...s.devices[0]!, IPAddr: '192.168.0.12' }),
      'devices[1].deviceID: duplicate device 1',
    ],
    [
      'a device ID over uint32',
      (s: ReturnType<typeof base>) => (s.devices[0]!.deviceID = 2 ** 32),
      'devices[0].deviceID',
    ],
  ])('names the path of %s', (_name, mutate, message) => {
    const s = base();
    mutate(s);
    expect(() => parseScenario(s)).toThrow(ScenarioError);
    expect(() => parseScenario(s)).toThrow(message);
  });

  it('rejects unknown top-level fields and a deviceToServer registration in SERVER_TO_DEVICE mode', () => {
    expect(() => parseScenario({ ...base(), extra: 1 })).toThrow(/extra/);
    const s = base();
    Object.assign(s.devices[0]!, {
      registration: 'deviceToServer',
      connectionMode: 'SERVER_TO_DEVICE',
    });
    expect(() => parseScenario(s)).toThrow('devices[0].connectionMode');
  });

  it('loadScenario names the file for missing files, bad JSON and bad content', () => {
    expect(() => loadScenario(join(dir.path, 'missing.json'))).toThrow(
      /cannot read scenario file .*missing\.json/,
    );
    const bad = join(dir.path, 'bad.json');
    writeFileSync(bad, '{ nope');
    expect(() => loadScenario(bad)).toThrow(/bad\.json is not valid JSON/);
    const wrong = join(dir.path, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ gateways: 'x' }));
    expect(() => loadScenario(wrong)).toThrow(/wrong\.json: gateways/);
    const good = join(dir.path, 'good.json');
    writeFileSync(good, JSON.stringify(base()));
    expect(loadScenario(good).devices).toHaveLength(1);
  });

  it('the demo scenario is valid and has what the demo needs', () => {
    const s = parseScenario(demoScenario());
    expect(s.gateways.length).toBeGreaterThanOrEqual(3);
    expect(s.devices.length).toBeGreaterThanOrEqual(30);
    expect(new Set(s.gateways.map((g) => g.tenantID))).toEqual(new Set(['tenant1', 'tenant2']));
    const count = (pred: (d: (typeof s.devices)[number]) => boolean) =>
      s.devices.filter(pred).length;
    expect(count((d) => d.registration === 'sync')).toBeGreaterThan(0);
    expect(
      count((d) => d.registration === 'async' || d.registration === 'asyncDB'),
    ).toBeGreaterThan(5);
    expect(count((d) => d.registration === 'none')).toBeGreaterThan(3);
    expect(count((d) => d.registration === 'deviceToServer')).toBeGreaterThanOrEqual(4);
    expect(count((d) => d.flaky)).toBeGreaterThanOrEqual(2);
    expect(count((d) => !d.reachable)).toBeGreaterThanOrEqual(1);
    expect(count((d) => d.useSSL)).toBeGreaterThanOrEqual(1);
    expect(s.devices.every((d) => d.IPAddr.startsWith('192.168.'))).toBe(true);
  });
});

describe('generateLargeWorld', () => {
  it('builds 10,000 devices over 100 gateways, valid, deterministic for a seed', () => {
    const a = generateLargeWorld({ gateways: 100, devices: 10_000, seed: 42 });
    const b = generateLargeWorld({ gateways: 100, devices: 10_000, seed: 42 });
    const c = generateLargeWorld({ gateways: 100, devices: 10_000, seed: 43 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    const parsed = parseScenario(a);
    expect(parsed.gateways).toHaveLength(100);
    expect(parsed.devices).toHaveLength(10_000);
    expect(new Set(parsed.devices.map((d) => d.gatewayID)).size).toBe(100);
    const connectedKinds = parsed.devices.filter(
      (d) => d.registration !== 'none' && d.reachable,
    ).length;
    expect(connectedKinds / parsed.devices.length).toBeGreaterThan(0.85);
  });

  it('gives every device a distinct, valid address even with thousands on one gateway', () => {
    const world = parseScenario(generateLargeWorld({ gateways: 2, devices: 6_000, seed: 7 }));
    const addresses = world.devices.map((d) => d.IPAddr);
    expect(new Set(addresses).size).toBe(addresses.length);
    for (const ip of addresses) {
      const octets = ip.split('.').map(Number);
      expect(
        octets.every((o) => o >= 0 && o <= 255),
        ip,
      ).toBe(true);
      expect(octets[3], ip).toBeGreaterThanOrEqual(1);
      expect(octets[3], ip).toBeLessThanOrEqual(254);
    }
  });
});

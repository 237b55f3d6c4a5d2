import { mulberry32 } from '../util/prng.ts';
import type { Scenario } from './schema.ts';

type WorldDevice = NonNullable<Scenario['devices']>[number];

const TYPES = [
  'BIOSTATION_L2',
  'BIOENTRY_W2',
  'BIOLITE_N2',
  'FACESTATION_F2',
  'XSTATION_2',
  'BIOSTATION_3',
  'XPASS2',
  'BIOENTRY_P2',
  'FACELITE',
  'BIOSTATION_A2',
  'XPASS_D2',
  'BIOENTRY_W3',
];

export interface LargeWorldOptions {
  gateways?: number;
  devices?: number;
  seed?: number;
  /** Tenants the gateways are spread over (round robin). Default: one per 10 gateways, at least 1. */
  tenants?: number;
}

/**
 * A deterministic world at the scale a real master is built for (default 10,000 devices over 100
 * gateways). Most devices are connected (async, async DB, sync or accepted device-to-server); a
 * few are unmanaged, refused, unreachable or flaky. Gateway g uses the subnet 10.g.0.0/16.
 */
export function generateLargeWorld(options: LargeWorldOptions = {}): Scenario {
  const gatewayCount = options.gateways ?? 100;
  const deviceCount = options.devices ?? 10_000;
  const tenantCount = options.tenants ?? Math.max(1, Math.ceil(gatewayCount / 10));
  if (gatewayCount < 1 || gatewayCount > 255)
    throw new RangeError('gateways must be between 1 and 255');
  if (deviceCount < 0 || deviceCount > gatewayCount * 254 * 255)
    throw new RangeError('too many devices for that many gateways');
  const random = mulberry32(options.seed ?? 1);

  const tenants = Array.from({ length: tenantCount }, (_, i) => `tenant${i + 1}`);
  const acceptIDs: number[][] = Array.from({ length: gatewayCount }, () => []);
  const devices: WorldDevice[] = [];
  const perGateway = new Array<number>(gatewayCount).fill(0);
  const usedIDs = new Set<number>();

  for (let i = 0; i < deviceCount; i++) {
    const g = i % gatewayCount;
    const n = perGateway[g]!++;
    let deviceID = 0;
    while (deviceID === 0 || usedIDs.has(deviceID))
      deviceID = 500_000_000 + Math.floor(random() * 400_000_000);
    usedIDs.add(deviceID);
    const roll = random();
    const registration: WorldDevice['registration'] =
      roll < 0.6
        ? 'async'
        : roll < 0.8
          ? 'asyncDB'
          : roll < 0.88
            ? 'sync'
            : roll < 0.96
              ? 'deviceToServer'
              : 'none';
    // Accept most device-to-server devices; the rest land in the pending list.
    if (registration === 'deviceToServer' && random() < 0.8) acceptIDs[g]!.push(deviceID);
    devices.push({
      deviceID,
      gatewayID: `gateway${g + 1}`,
      type: TYPES[Math.floor(random() * TYPES.length)]!,
      // Hosts .1-.254 in each /24 of the gateway's /16; 10.g.255.254 is the gateway itself.
      IPAddr: `10.${g + 1}.${Math.floor(n / 254)}.${(n % 254) + 1}`,
      registration,
      useSSL: random() < 0.1,
      reachable: random() >= 0.01,
      flaky: random() < 0.005,
    });
  }

  return {
    name: `large-world-${gatewayCount}x${deviceCount}`,
    tenants,
    gateways: Array.from({ length: gatewayCount }, (_, g) => ({
      gatewayID: `gateway${g + 1}`,
      tenantID: tenants[g % tenantCount]!,
      subnet: `10.${g + 1}.0.0/16`,
      IPAddr: `10.${g + 1}.255.254`,
      acceptFilter: { deviceIDs: acceptIDs[g]!, db: true },
    })),
    devices,
  };
}

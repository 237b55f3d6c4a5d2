import { z } from 'zod';
import { isIPv4 } from '../util/ip.ts';
import { resolveDeviceType } from './device-types.ts';

const ipv4 = z.string().refine(isIPv4, { message: 'must be an IPv4 address like 192.168.0.10' });
const deviceID = z.number().int().min(1).max(0xffffffff);
const id = z.string().min(1, 'must not be empty').max(128);

const subnet = z.string().refine(
  (s) => {
    const [addr, bits, ...rest] = s.split('/');
    return (
      rest.length === 0 &&
      addr !== undefined &&
      isIPv4(addr) &&
      bits !== undefined &&
      /^\d+$/.test(bits) &&
      Number(bits) <= 32
    );
  },
  { message: 'must be an IPv4 subnet like 192.168.1.0/24' },
);

export const acceptFilterSchema = z.object({
  allowAll: z.boolean().default(false),
  deviceIDs: z.array(deviceID).default([]),
  IPAddrs: z.array(ipv4).default([]),
  subnetMasks: z.array(ipv4).default([]),
});

const slaveSchema = z.object({
  deviceID,
  rs485SlaveDeviceIDs: z.array(deviceID).default([]),
  wiegandSlaveDeviceIDs: z.array(deviceID).default([]),
  /** true: stored in the master's database (AddSlaveDeviceDB), so it survives a gateway reconnect. */
  db: z.boolean().default(false),
});

const gatewaySchema = z.object({
  gatewayID: id,
  /** Owning tenant; null = registered with the master but owned by nobody. */
  tenantID: id.nullable().default(null),
  connected: z.boolean().default(true),
  subnet: subnet.default('192.168.0.0/24'),
  /** The device gateway's own address: what device-to-server devices report as their server. */
  IPAddr: ipv4.optional(),
  acceptFilter: acceptFilterSchema.extend({ db: z.boolean().default(false) }).optional(),
  slaves: z.array(slaveSchema).default([]),
});

export const registrationKinds = ['none', 'sync', 'async', 'asyncDB', 'deviceToServer'] as const;

const connectionMode = z
  .union([z.literal(0), z.literal(1), z.enum(['SERVER_TO_DEVICE', 'DEVICE_TO_SERVER'])])
  .transform((m): 0 | 1 => (m === 1 || m === 'DEVICE_TO_SERVER' ? 1 : 0));

const deviceSchema = z.object({
  deviceID,
  gatewayID: id,
  type: z.union([z.number().int(), z.string()]).transform((t, ctx) => {
    const resolved = resolveDeviceType(t);
    if (resolved === undefined) {
      ctx.addIssue({ code: 'custom', message: `unknown gsdk.device.Type ${JSON.stringify(t)}` });
      return z.NEVER;
    }
    return resolved;
  }),
  IPAddr: ipv4,
  port: z.number().int().min(1).max(65535).default(51211),
  /** Defaults to DEVICE_TO_SERVER for registration "deviceToServer", else SERVER_TO_DEVICE. */
  connectionMode: connectionMode.optional(),
  useSSL: z.boolean().default(false),
  useDHCP: z.boolean().default(false),
  reachable: z.boolean().default(true),
  flaky: z.boolean().default(false),
  registration: z.enum(registrationKinds).default('none'),
});

export const scenarioSchema = z
  .object({
    name: z.string().optional(),
    /** Tenant IDs besides `administrator`, which always exists. */
    tenants: z.array(id).default([]),
    gateways: z.array(gatewaySchema),
    devices: z.array(deviceSchema).default([]),
  })
  .strict()
  .superRefine((s, ctx) => {
    const tenants = new Set(['administrator']);
    s.tenants.forEach((t, i) => {
      if (tenants.has(t))
        ctx.addIssue({ code: 'custom', path: ['tenants', i], message: `duplicate tenant ${t}` });
      tenants.add(t);
    });
    const gateways = new Set<string>();
    s.gateways.forEach((g, i) => {
      if (gateways.has(g.gatewayID))
        ctx.addIssue({
          code: 'custom',
          path: ['gateways', i, 'gatewayID'],
          message: `duplicate gateway ${g.gatewayID}`,
        });
      gateways.add(g.gatewayID);
      if (g.tenantID !== null && !tenants.has(g.tenantID))
        ctx.addIssue({
          code: 'custom',
          path: ['gateways', i, 'tenantID'],
          message: `unknown tenant ${g.tenantID}`,
        });
    });
    const ids = new Set<number>();
    const addrs = new Set<string>();
    s.devices.forEach((d, i) => {
      if (ids.has(d.deviceID))
        ctx.addIssue({
          code: 'custom',
          path: ['devices', i, 'deviceID'],
          message: `duplicate device ${d.deviceID}`,
        });
      ids.add(d.deviceID);
      if (!gateways.has(d.gatewayID))
        ctx.addIssue({
          code: 'custom',
          path: ['devices', i, 'gatewayID'],
          message: `unknown gateway ${d.gatewayID}`,
        });
      const addr = `${d.gatewayID}|${d.IPAddr}:${d.port}`;
      if (addrs.has(addr))
        ctx.addIssue({
          code: 'custom',
          path: ['devices', i, 'IPAddr'],
          message: `${d.IPAddr}:${d.port} is already used by another device on ${d.gatewayID}`,
        });
      addrs.add(addr);
      if (d.registration === 'deviceToServer' && d.connectionMode === 0)
        ctx.addIssue({
          code: 'custom',
          path: ['devices', i, 'connectionMode'],
          message: 'registration "deviceToServer" needs connectionMode DEVICE_TO_SERVER',
        });
      if (
        (d.registration === 'sync' || d.registration === 'async' || d.registration === 'asyncDB') &&
        d.connectionMode === 1
      )
        ctx.addIssue({
          code: 'custom',
          path: ['devices', i, 'connectionMode'],
          message: `registration "${d.registration}" needs connectionMode SERVER_TO_DEVICE`,
        });
    });
  });

/** A scenario as written in JSON (defaults optional, enums by name or number). */
export type Scenario = z.input<typeof scenarioSchema>;
/** A validated scenario with every default filled in. */
export type ParsedScenario = z.output<typeof scenarioSchema>;

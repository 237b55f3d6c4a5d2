import { z } from 'zod';

/** Dotted-quad IPv4 address, each octet 0-255 without leading zeros (leading zeros are octal to some parsers). */
export const ipv4 = z
  .string()
  .regex(/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/, {
    message: 'must be an IPv4 address such as 192.168.0.10',
  });

/** Turns a dotted-quad string into its 32-bit unsigned value. Assumes a valid IPv4 string. */
export function ipv4ToNumber(ip: string): number {
  return ip.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

/** A subnet mask: an IPv4 whose bits are a run of ones followed only by zeros (255.255.255.0). */
export const subnetMask = ipv4.refine(
  (mask) => {
    const value = ipv4ToNumber(mask);
    // Contiguous ones then zeros <=> inverted value + 1 is a power of two (or zero for /32 overflow).
    const inverted = ~value >>> 0;
    return (inverted & (inverted + 1)) === 0;
  },
  { message: 'must be a subnet mask with contiguous ones, such as 255.255.255.0' },
);

export const port = z
  .number({ message: 'must be a number' })
  .int({ message: 'must be an integer' })
  .min(1, { message: 'must be between 1 and 65535' })
  .max(65535, { message: 'must be between 1 and 65535' });

export const UINT32_MAX = 4_294_967_295;

/** G-SDK device IDs are uint32; 0 is never a real device. */
export const deviceID = z
  .number({ message: 'must be a number' })
  .int({ message: 'must be an integer' })
  .min(1, { message: 'must be a device ID between 1 and 4294967295' })
  .max(UINT32_MAX, { message: 'must be a device ID between 1 and 4294967295' });

/** Device ID in a URL path or query string: digits only, then the uint32 range. */
export const deviceIDParam = z
  .string()
  .regex(/^\d{1,10}$/, { message: 'must be a device ID (digits only)' })
  .transform(Number)
  .pipe(deviceID);

export const MAX_DEVICE_IDS_PER_CALL = 1000;

export const deviceIDList = z
  .array(deviceID)
  .min(1, { message: 'must list at least one device ID' })
  .max(MAX_DEVICE_IDS_PER_CALL, {
    message: `must list at most ${MAX_DEVICE_IDS_PER_CALL} device IDs`,
  })
  .refine((ids) => new Set(ids).size === ids.length, {
    message: 'must not list a device ID twice',
  });

/** Gateway and tenant IDs: the G-SDK puts them in certificate common names; keep them to a safe charset. */
export const gatewayID = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'must be 1-64 characters of A-Z, a-z, 0-9, _ . -' });

export const tenantID = gatewayID;

/** ISO 8601 timestamp string (UTC, as produced by Date.prototype.toISOString). */
export const isoTime = z.string();

/** Query-string integer with bounds; absent -> default. */
export function intParam(min: number, max: number, fallback: number) {
  return z
    .string()
    .regex(/^\d+$/, { message: 'must be a whole number' })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, { message: `must be at least ${min}` })
        .max(max, { message: `must be at most ${max}` }),
    )
    .optional()
    .transform((v) => v ?? fallback);
}

/** `application/problem+json` body of every error (RFC 9457) with field-level errors. */
export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  requestId: z.string().optional(),
});
export type Problem = z.infer<typeof problem>;

export const ok = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof ok>;

export const gatewayParams = z.object({ gatewayID });
export type GatewayParams = z.infer<typeof gatewayParams>;

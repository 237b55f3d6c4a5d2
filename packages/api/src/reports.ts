// Availability reports (GET /api/v1/reports/availability[.csv]): per device, gateway or tenant, from
// the connection history. "Connected" = TCP_CONNECTED or TLS_CONNECTED; every other status is an
// outage. Time before a device's first known status is not observed and counts neither way.
import { z } from 'zod';
import { gatewayID } from './common.ts';
import { instantParam } from './instant-param.ts';

export const reportPeriods = ['24h', '7d', '30d'] as const;
export type ReportPeriod = (typeof reportPeriods)[number];
export const reportPeriodMs: Record<ReportPeriod, number> = {
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
};
export const reportGroups = ['device', 'gateway', 'tenant'] as const;
export type ReportGroup = (typeof reportGroups)[number];

/** A chosen range may span at most this long (the history keeps 30 days by default). */
export const REPORT_MAX_RANGE_MS = 366 * 86_400_000;

/**
 * `period` (default 24h) ends now; `from` and `to` (both, or `from` alone up to now) choose a range
 * instead. `gatewayID` narrows the report to one gateway.
 */
export const availabilityQuery = z
  .object({
    groupBy: z
      .enum(reportGroups, { message: 'must be device, gateway or tenant' })
      .default('device'),
    period: z.enum(reportPeriods, { message: 'must be 24h, 7d or 30d' }).optional(),
    from: instantParam.optional(),
    to: instantParam.optional(),
    gatewayID: gatewayID.optional(),
  })
  .transform((q, ctx) => {
    if (q.to !== undefined && q.from === undefined) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'give from together with to' });
      return z.NEVER;
    }
    if (q.from !== undefined && q.period !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['period'],
        message: 'give either period or from/to, not both',
      });
      return z.NEVER;
    }
    const now = Date.now();
    const to = q.to ?? now;
    const from = q.from ?? to - reportPeriodMs[q.period ?? '24h'];
    if (from >= to) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must be before to' });
      return z.NEVER;
    }
    if (to - from > REPORT_MAX_RANGE_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message: 'the range may span at most 366 days',
      });
      return z.NEVER;
    }
    return {
      groupBy: q.groupBy,
      period: q.from === undefined ? (q.period ?? '24h') : null,
      from,
      to,
      ...(q.gatewayID === undefined ? {} : { gatewayID: q.gatewayID }),
    };
  });
export type AvailabilityQuery = z.input<typeof availabilityQuery>;
export type AvailabilityQueryParsed = z.output<typeof availabilityQuery>;

export const availabilityRow = z.object({
  /** deviceID (as text), gatewayID or tenantID, by groupBy. */
  key: z.string(),
  deviceID: z.number().int().nullable(),
  gatewayID: z.string().nullable(),
  /** null: the gateway belongs to no tenant. */
  tenantID: z.string().nullable(),
  devices: z.number().int(),
  /** Time with a known status inside the range. */
  observedSeconds: z.number(),
  connectedSeconds: z.number(),
  /** connected / observed * 100; null when nothing was observed. */
  availabilityPercent: z.number().nullable(),
  /** Connected -> not connected inside the range. */
  drops: z.number().int(),
  /** Longest not-connected stretch inside the range (clipped to it), 0 when none. */
  longestOutageSeconds: z.number(),
  /** Mean of the outages that began with a drop and ended with a reconnect inside the range. */
  meanTimeToReconnectSeconds: z.number().nullable(),
  /** Not connected at the end of the range. */
  downAtEnd: z.boolean(),
});
export type AvailabilityRow = z.infer<typeof availabilityRow>;

export const availabilityReport = z.object({
  groupBy: z.enum(reportGroups),
  period: z.enum(reportPeriods).nullable(),
  from: z.string(),
  to: z.string(),
  rows: z.array(availabilityRow),
});
export type AvailabilityReport = z.infer<typeof availabilityReport>;

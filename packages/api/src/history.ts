// Connection history routes: GET /api/v1/devices/:id/history and GET /api/v1/gateways/:id/connected-series.
import { z } from 'zod';
import { deviceIDParam, gatewayID, intParam } from './common.ts';
import { instantParam } from './instant-param.ts';

export const historyDeviceParamsSchema = z.object({ deviceID: deviceIDParam });

/** cursor: opaque, from the previous page's nextCursor. */
export const historyQuerySchema = z.object({
  cursor: z
    .string()
    .regex(/^\d{1,20}$/, 'cursor must be the nextCursor of a previous page')
    .optional(),
  limit: intParam(1, 1000, 100),
});
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

export const historyEntrySchema = z.object({
  deviceID: z.number().int(),
  gatewayID: z.string(),
  status: z.number().int(),
  statusName: z.string(),
  /** ISO 8601 */
  at: z.string(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const deviceFactsSchema = z.object({
  lastConnectedAt: z.string().nullable(),
  lastDisconnectedAt: z.string().nullable(),
  /** status name of the last failure, e.g. TCP_NOT_ALLOWED */
  lastFailure: z.string().nullable(),
  flapping: z.boolean(),
});
export type DeviceFactsDto = z.infer<typeof deviceFactsSchema>;

/** Newest first. `nextCursor` is null on the last page. */
export const historyPageSchema = z.object({
  deviceID: z.number().int(),
  items: z.array(historyEntrySchema),
  nextCursor: z.string().nullable(),
  facts: deviceFactsSchema,
});
export type HistoryPage = z.infer<typeof historyPageSchema>;

/** `all` = every gateway the user may see. */
export const seriesGatewayParamSchema = z.object({
  gatewayID: z.union([z.literal('all'), gatewayID]),
});

/** from/to default to the last hour; at most 2000 points per series. */
export const seriesQuerySchema = z
  .object({
    from: instantParam.optional(),
    to: instantParam.optional(),
    stepSeconds: intParam(1, 86400, 60),
  })
  .transform((q, ctx) => {
    const to = q.to ?? Date.now();
    const from = q.from ?? to - 3600_000;
    if (from >= to) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must be before to' });
      return z.NEVER;
    }
    if ((to - from) / (q.stepSeconds * 1000) > 2000) {
      ctx.addIssue({
        code: 'custom',
        path: ['stepSeconds'],
        message: 'more than 2000 points: raise stepSeconds or narrow from/to',
      });
      return z.NEVER;
    }
    return { from, to, stepSeconds: q.stepSeconds };
  });
export type SeriesQuery = z.infer<typeof seriesQuerySchema>;

export const seriesPointSchema = z.object({
  /** ISO 8601 start of the step */
  t: z.string(),
  /** devices connected (TCP_CONNECTED or TLS_CONNECTED) at the end of the step */
  connected: z.number().int(),
});

export const connectedSeriesSchema = z.object({
  gatewayID: z.string(),
  from: z.string(),
  to: z.string(),
  stepSeconds: z.number().int(),
  points: z.array(seriesPointSchema),
});
export type ConnectedSeries = z.infer<typeof connectedSeriesSchema>;

export const recentChangesQuerySchema = z.object({ limit: intParam(1, 200, 50) });

/** Newest first, over the gateways the user may see. */
export const recentChangesSchema = z.object({ items: z.array(historyEntrySchema) });
export type RecentChanges = z.infer<typeof recentChangesSchema>;

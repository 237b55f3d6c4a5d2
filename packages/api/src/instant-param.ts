import { z } from 'zod';

/** A query instant: ISO 8601 date-time (with Z or an offset) or epoch milliseconds, parsed to ms. */
export const instantParam = z.string().transform((s, ctx) => {
  const ms = /^\d{1,15}$/.test(s)
    ? Number(s)
    : /^\d{4}-\d\d-\d\dT/.test(s)
      ? Date.parse(s)
      : Number.NaN;
  if (Number.isNaN(ms)) {
    ctx.addIssue({
      code: 'custom',
      message: 'must be an ISO 8601 date-time or epoch milliseconds',
    });
    return z.NEVER;
  }
  return ms;
});

import { z } from 'zod';
import { intParam, isoTime } from './common.ts';
import { role } from './names.ts';

export const auditEntry = z.object({
  id: z.number().int(),
  at: isoTime,
  /** Username (or the name tried, for failed sign-ins). */
  username: z.string().nullable(),
  role: role.nullable(),
  /** e.g. 'auth.login', 'devices.disconnect', 'accept-filter.set' */
  action: z.string(),
  gatewayID: z.string().nullable(),
  deviceIDs: z.array(z.number().int()),
  /** Short human summary of the request (never a password). */
  summary: z.string(),
  outcome: z.enum(['success', 'failure']),
  error: z.string().nullable(),
  sourceAddress: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

const isoQuery = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'must be an ISO 8601 date-time' })
  .optional();

export const auditQuery = z.object({
  user: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  outcome: z.enum(['success', 'failure']).optional(),
  from: isoQuery,
  to: isoQuery,
  page: intParam(1, 1_000_000, 1),
  pageSize: intParam(1, 500, 50),
});
export type AuditQuery = z.input<typeof auditQuery>;

export const auditList = z.object({
  items: z.array(auditEntry),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AuditList = z.infer<typeof auditList>;

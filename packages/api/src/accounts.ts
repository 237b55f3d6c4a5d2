import { z } from 'zod';
import { isoTime, tenantID } from './common.ts';
import { role } from './names.ts';

export const username = z.string().regex(/^[A-Za-z0-9_.@-]{3,64}$/, {
  message: 'must be 3-64 characters of A-Z, a-z, 0-9, _ . @ -',
});

export const newPassword = z
  .string()
  .min(10, { message: 'must be at least 10 characters' })
  .max(256, { message: 'must be at most 256 characters' });

export const account = z.object({
  id: z.number().int(),
  username: z.string(),
  role,
  tenantID: tenantID.nullable(),
  createdAt: isoTime,
  lockedUntil: isoTime.nullable(),
});
export type Account = z.infer<typeof account>;

export const accountList = z.object({ accounts: z.array(account) });
export type AccountList = z.infer<typeof accountList>;

/** The master's own tenant: its token reaches every gateway, so it never gets viewers. */
export const ADMIN_TENANT_ID = 'administrator';

/** Admins create tenant viewers: read-only, bound to one tenant ID. */
export const createAccountRequest = z.object({
  username,
  password: newPassword,
  role: z.literal('tenant'),
  tenantID: tenantID.refine((id) => id.toLowerCase() !== ADMIN_TENANT_ID, {
    message: `must be a customer tenant, not "${ADMIN_TENANT_ID}" (the administrators' own tenant)`,
  }),
});
export type CreateAccountRequest = z.infer<typeof createAccountRequest>;

export const accountParams = z.object({
  accountID: z
    .string()
    .regex(/^\d{1,10}$/, { message: 'must be an account ID (digits only)' })
    .transform(Number),
});

export const resetPasswordRequest = z.object({ password: newPassword });
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequest>;

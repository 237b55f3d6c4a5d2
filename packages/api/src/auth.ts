import { z } from 'zod';
import { tenantID } from './common.ts';
import { role } from './names.ts';

export const sessionUser = z.object({
  id: z.number().int(),
  username: z.string(),
  role,
  /** Set for role 'tenant' (the tenant it may see), null for admins. */
  tenantID: tenantID.nullable(),
});
export type SessionUserDto = z.infer<typeof sessionUser>;

export const loginRequest = z.object({
  username: z
    .string()
    .min(1, { message: 'is required' })
    .max(64, { message: 'must be at most 64 characters' }),
  password: z
    .string()
    .min(1, { message: 'is required' })
    .max(256, { message: 'must be at most 256 characters' }),
});
export type LoginRequest = z.infer<typeof loginRequest>;

/**
 * Returned by sign-in and by GET /auth/me. `csrfToken` must be sent back in the `x-csrf-token`
 * header of every POST/PUT/PATCH/DELETE (it is also set in the readable `cmc_csrf` cookie).
 */
export const sessionResponse = z.object({
  user: sessionUser,
  csrfToken: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_COOKIE = 'cmc_csrf';
export const SESSION_COOKIE = 'cmc_session';

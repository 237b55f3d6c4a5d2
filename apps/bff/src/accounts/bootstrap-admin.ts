// First start: create the admin account. Without CONSOLE_ADMIN_PASSWORD a password is generated and
// returned so the caller prints it once (it is not stored anywhere in clear).
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../auth/password.ts';
import type { AccountStore } from './account-store.ts';

export async function bootstrapAdmin(
  accounts: AccountStore,
  username: string,
  password: string | undefined,
): Promise<{ created: boolean; generatedPassword?: string }> {
  if (accounts.count() > 0) return { created: false };
  const generated = password ? undefined : randomBytes(12).toString('base64url');
  accounts.create({
    username,
    role: 'admin',
    tenantID: null,
    passwordHash: await hashPassword(password ?? generated!),
  });
  return generated ? { created: true, generatedPassword: generated } : { created: true };
}

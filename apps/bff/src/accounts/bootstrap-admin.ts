// First successful start (the port is bound): create the admin account. Without
// CONSOLE_ADMIN_PASSWORD a password is generated and returned so the caller prints it once (it is not
// stored anywhere in clear); a lost one is replaced with `pnpm -F @cmc/bff reset-admin`.
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../auth/password.ts';
import type { AccountStore } from './account-store.ts';

export async function bootstrapAdmin(
  accounts: AccountStore,
  username: string,
  password: string | undefined,
): Promise<{ created: boolean; generatedPassword?: string }> {
  // Admins, not accounts: viewers may be made before the first start that binds the port (tests).
  if (accounts.countAdmins() > 0) return { created: false };
  const generated = password ? undefined : randomBytes(12).toString('base64url');
  accounts.create({
    username,
    role: 'admin',
    tenantID: null,
    passwordHash: await hashPassword(password ?? generated!),
  });
  return generated ? { created: true, generatedPassword: generated } : { created: true };
}

// Entry point of `pnpm -F @cmc/bff reset-admin` (see accounts/reset-admin.ts): run it with the BFF's
// settings (DATA_DIR, CONSOLE_ADMIN_USER, optionally CONSOLE_ADMIN_PASSWORD and REDIS_URL).
import { resetAdmin, ResetAdminError } from './accounts/reset-admin.ts';
import { readEnv } from './env.ts';

try {
  const result = await resetAdmin(readEnv());
  const what = result.created ? 'Created administrator' : 'Reset the password of administrator';
  process.stdout.write(
    result.generatedPassword
      ? `${what} "${result.username}": new password ${result.generatedPassword} (shown once; sessions ended, lock-outs cleared)\n`
      : `${what} "${result.username}": password set from CONSOLE_ADMIN_PASSWORD (sessions ended, lock-outs cleared)\n`,
  );
} catch (error) {
  // A bad setting or a refused reset is one line; anything else is a bug worth its stack.
  const line = error instanceof Error ? error.message : String(error);
  if (
    !(error instanceof ResetAdminError) &&
    !(error instanceof Error && error.name === 'SettingError')
  )
    console.error(error);
  process.stderr.write(`reset-admin failed: ${line}\n`);
  process.exit(1);
}

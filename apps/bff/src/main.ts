// Production entry point: settings from the environment, then listen.
import { loadConfig } from './config.ts';
import { readEnv } from './env.ts';
import { failStart, startBff, urlOf } from './start.ts';

try {
  const config = loadConfig(readEnv());
  const bff = await startBff(config);
  if (bff.generatedAdminPassword) {
    process.stdout.write(
      `First start: created admin "${config.adminUser}" with password ${bff.generatedAdminPassword} (shown once; change it; lost it? pnpm -F @cmc/bff reset-admin).\n`,
    );
  }
  bff.logger.info('listening', { url: urlOf(config, bff), master: config.master.address });
} catch (error) {
  failStart(error);
}

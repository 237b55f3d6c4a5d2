import { readEnv } from './env.ts';
import { startSimulator } from './start-simulator.ts';

const parsed = readEnv();
if (!parsed.ok) {
  console.error(`master-sim: ${parsed.error}`);
  process.exit(1);
}
const env = parsed.env;

try {
  const sim = await startSimulator({
    host: env.SIM_HOST,
    port: env.SIM_PORT,
    controlPort: env.SIM_CONTROL_PORT,
    certDir: env.SIM_CERT_DIR,
    ...(env.SIM_SCENARIO ? { scenario: env.SIM_SCENARIO } : {}),
    tokenTtlSeconds: env.SIM_TOKEN_TTL_SECONDS,
    reconnectDelayMs: env.SIM_RECONNECT_DELAY_MS,
    ...(env.SIM_SEED !== undefined ? { seed: env.SIM_SEED } : {}),
  });
  // Handlers first, so a signal arriving while we print still stops cleanly.
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`master-sim: ${signal} received, stopping`);
    sim.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`master-sim: error while stopping: ${(err as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  const state = sim.control.state();
  console.log(`master-sim: gRPC (mutual TLS) listening on ${sim.address}`);
  console.log(`master-sim: control API on ${sim.controlUrl} (try ${sim.controlUrl}/state)`);
  console.log(`master-sim: certificates in ${sim.certDir}`);
  console.log(
    `master-sim:   ca.crt, server.crt, admin.crt + admin_key.pem, ${Object.keys(sim.certs.tenants)
      .map((t) => `${t}.crt + ${t}_key.pem`)
      .join(', ')}`,
  );
  console.log(
    `master-sim: scenario ${env.SIM_SCENARIO ?? '(built-in demo)'}: ${state.gateways.length} gateways, ${state.devices.length} devices; reconnect delay ${env.SIM_RECONNECT_DELAY_MS} ms`,
  );
} catch (err) {
  // Start-up failures (bad scenario, port in use, unreadable certs) are one clear line, no stack.
  console.error(`master-sim: cannot start: ${(err as Error).message}`);
  process.exit(1);
}

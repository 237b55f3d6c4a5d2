// The only reader of process.env in the demo: the BFF's settings pass through to its own readEnv,
// which validates them; the demo fills in the master's address and certificates.
export function demoEnvSource(): NodeJS.ProcessEnv {
  return { ...process.env };
}

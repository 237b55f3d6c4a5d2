// What other workspace packages (e2e, bench) use to run a BFF in-process.
export { createBff, type Bff } from './app.ts';
export { loadConfig } from './config.ts';
export { readEnv } from './env.ts';

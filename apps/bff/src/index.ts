// What other workspace packages (the demo, e2e, bench) use to run a BFF in-process.
export { createBff, type Bff } from './app.ts';
export { loadConfig } from './config.ts';
export { readEnv } from './env.ts';
export { failStart, startBff, urlOf } from './start.ts';
export { AccountExistsError, createAccountStore } from './accounts/account-store.ts';
export { hashPassword } from './auth/password.ts';

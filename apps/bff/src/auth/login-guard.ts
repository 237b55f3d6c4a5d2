// The sign-in lock-out rule, over whichever throttle store is in use (SQLite, or Redis when scaled
// out): repeated failures lock a user name *from one address* only, so nobody can lock the
// administrator out from elsewhere. Across all addresses a user name only gets slower (a fixed wait
// before the password is checked), which never denies the real user. The per-address counters and
// the rate limit stay as they were. Lock-outs are returned for the audit log; an administrator or a
// password reset clears every lock of a user.
import type { LoginThrottle } from './login-throttle.ts';
import { problem } from '../http/problem.ts';

export interface LoginThrottles {
  /** Every attempt per address. */
  loginRate: LoginThrottle;
  /** Failures per (user name, address): locks that pair. */
  userThrottle: LoginThrottle;
  /** Failures per address, any user name: locks the address. */
  addressThrottle: LoginThrottle;
  /** Failures per user name, any address: starts the back-off, never a lock. */
  userBackoff: LoginThrottle;
}

export interface LoginGuard {
  /** Before the password is checked: throws a 429 problem, or waits while the user is backed off. */
  admit(username: string, address: string): Promise<void>;
  /** After a wrong password; returns a sentence per lock-out or back-off this failure started. */
  failed(username: string, address: string): Promise<string[]>;
  succeeded(username: string, address: string): Promise<void>;
  /** The longest lock of this user from any address, in ms (0 = none). */
  lockedFor(username: string): Promise<number>;
  /** Clears every lock and counter of this user name (all addresses, back-off). */
  clear(username: string): Promise<void>;
}

const userPart = (username: string) => encodeURIComponent(username.toLowerCase());
const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;

export function createLoginGuard(
  throttles: LoginThrottles,
  options: { lockoutMs: number; backoffMs: number },
): LoginGuard {
  const { loginRate, userThrottle, addressThrottle, userBackoff } = throttles;
  const keys = (username: string, address: string) => ({
    rate: `rate:${address}`,
    pair: `user:${userPart(username)}|${address}`,
    address: `ip:${address}`,
    backoff: `backoff:${userPart(username)}`,
  });
  const refuse = (wait: number, detail: string) => {
    const seconds = Math.ceil(wait / 1000);
    return problem(429, `${detail}; try again in ${seconds} s`, undefined, {
      'Retry-After': String(seconds),
    });
  };

  return {
    async admit(username, address) {
      const k = keys(username, address);
      // Rate limit first: it counts every attempt from the address, right or wrong.
      const rateWait = await loginRate.lockedFor(k.rate);
      await loginRate.recordFailure(k.rate);
      if (rateWait > 0) throw refuse(rateWait, 'too many sign-in attempts from this address');
      const wait = Math.max(
        await userThrottle.lockedFor(k.pair),
        await addressThrottle.lockedFor(k.address),
      );
      if (wait > 0) throw refuse(wait, 'too many failed sign-ins');
      if ((await userBackoff.lockedFor(k.backoff)) > 0)
        await new Promise((resolve) => setTimeout(resolve, options.backoffMs));
    },
    async failed(username, address) {
      const k = keys(username, address);
      const events: string[] = [];
      const name = username.slice(0, 64);
      if (await userThrottle.recordFailure(k.pair))
        events.push(
          `sign-in as ${name} locked for ${minutes(options.lockoutMs)} from ${address} after repeated failures`,
        );
      if (await addressThrottle.recordFailure(k.address))
        events.push(`every sign-in from ${address} locked after repeated failures`);
      if (await userBackoff.recordFailure(k.backoff))
        events.push(
          `sign-ins as ${name} slowed down (${options.backoffMs} ms each) after repeated failures from any address`,
        );
      return events;
    },
    async succeeded(username, address) {
      const k = keys(username, address);
      await userThrottle.reset(k.pair);
      await addressThrottle.reset(k.address);
    },
    async lockedFor(username) {
      return userThrottle.lockedForPrefix(`user:${userPart(username)}|`);
    },
    async clear(username) {
      await userThrottle.resetPrefix(`user:${userPart(username)}|`);
      await userBackoff.reset(`backoff:${userPart(username)}`);
    },
  };
}

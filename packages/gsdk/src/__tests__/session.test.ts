import { describe, expect, it } from 'vitest';
import { Session, type LoginReason } from '../session.ts';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function fakeLogins() {
  const calls: Array<ReturnType<typeof deferred<string>>> = [];
  const reasons: LoginReason[] = [];
  const session = new Session(
    () => {
      const d = deferred<string>();
      calls.push(d);
      return d.promise;
    },
    ({ reason }) => reasons.push(reason),
  );
  return { session, calls, reasons };
}

describe('Session', () => {
  it('shares one login between concurrent first calls', async () => {
    const { session, calls, reasons } = fakeLogins();
    const all = Promise.all([session.ensure(), session.ensure(), session.ensure()]);
    expect(calls).toHaveLength(1);
    calls[0]!.resolve('jwt-1');
    expect(await all).toEqual(['jwt-1', 'jwt-1', 'jwt-1']);
    expect(session.current()).toBe('jwt-1');
    expect(await session.ensure()).toBe('jwt-1');
    expect(calls).toHaveLength(1);
    expect(reasons).toEqual(['first-call']);
  });

  it('refresh replaces a refused token once, however many callers saw it refused', async () => {
    const { session, calls, reasons } = fakeLogins();
    const first = session.ensure();
    calls[0]!.resolve('old');
    await first;
    const refreshed = Promise.all([session.refresh('old'), session.refresh('old')]);
    expect(calls).toHaveLength(2);
    calls[1]!.resolve('new');
    expect(await refreshed).toEqual(['new', 'new']);
    // A caller that still held the old token gets the new one without another login.
    expect(await session.refresh('old')).toBe('new');
    expect(calls).toHaveLength(2);
    expect(reasons).toEqual(['first-call', 'unauthenticated']);
  });

  it('a failed login rejects every waiter and the next call tries again', async () => {
    const { session, calls } = fakeLogins();
    const a = session.ensure();
    const b = session.ensure();
    calls[0]!.reject(new Error('UNAVAILABLE'));
    await expect(a).rejects.toThrow('UNAVAILABLE');
    await expect(b).rejects.toThrow('UNAVAILABLE');
    expect(session.current()).toBeUndefined();
    const c = session.ensure();
    expect(calls).toHaveLength(2);
    calls[1]!.resolve('jwt');
    expect(await c).toBe('jwt');
  });

  it('a login abandoned by logout does not install its token', async () => {
    const { session, calls } = fakeLogins();
    const pending = session.ensure();
    session.abandonPending();
    session.clear();
    calls[0]!.resolve('late');
    expect(await pending).toBe('late');
    expect(session.current()).toBeUndefined();
  });

  it('login() always fetches a new token', async () => {
    const { session, calls, reasons } = fakeLogins();
    const first = session.ensure();
    calls[0]!.resolve('one');
    await first;
    const second = session.login();
    calls[1]!.resolve('two');
    expect(await second).toBe('two');
    expect(session.current()).toBe('two');
    expect(reasons).toEqual(['first-call', 'explicit']);
  });
});

import { SESSION_COOKIE } from '@cmc/api';
import { describe, expect, it } from 'vitest';
import { sessionIDOf } from '../session-revocation.ts';

// The Cookie header is parsed by the `cookie` package; these are the cases the console relies on.
describe('session cookie of a Cookie header', () => {
  it('finds the session among other cookies, URI-decoded', () => {
    expect(sessionIDOf(`a=1; ${SESSION_COOKIE}=abc%2Fdef; cmc_csrf=x`)).toBe('abc/def');
  });

  it('takes the first value when the cookie appears twice', () => {
    expect(sessionIDOf(`${SESSION_COOKIE}=first; ${SESSION_COOKIE}=second`)).toBe('first');
  });

  it('keeps a malformed escape as sent instead of failing the request', () => {
    expect(sessionIDOf(`${SESSION_COOKIE}=%E0%A4%A`)).toBe('%E0%A4%A');
  });

  it('has no session without a header or without the cookie', () => {
    expect(sessionIDOf(undefined)).toBeUndefined();
    expect(sessionIDOf('other=1')).toBeUndefined();
  });
});

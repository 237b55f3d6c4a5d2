import { queryOptions, useQuery } from '@tanstack/react-query';
import { type SessionResponse, route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { claimEarlyRead, startEarlyRead } from '../../../lib/early-reads.ts';
import { setCsrfToken } from '../../../lib/csrf.ts';

export const sessionKey = ['session'] as const;

/** The signed-in user, or null when there is no session (401 is an answer here, not an error). */
export async function fetchSession(signal?: AbortSignal): Promise<SessionResponse | null> {
  try {
    const session = await call(route('auth.me'), { signal, allowUnauthorized: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof Error && 'status' in error && error.status === 401) return null;
    throw error;
  }
}

export const sessionQuery = () =>
  queryOptions({
    queryKey: sessionKey,
    queryFn: ({ signal }) => claimEarlyRead(sessionKey, () => fetchSession(signal)),
    staleTime: 60_000,
  });

/** Asks for the session as the app starts (start-early-reads.ts); sessionQuery claims the answer. */
export function startSessionRead(): void {
  startEarlyRead(sessionKey, () => fetchSession());
}

export function useSession() {
  return useQuery(sessionQuery());
}

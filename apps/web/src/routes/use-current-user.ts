import { useRouteLoaderData } from 'react-router';
import type { SessionResponse, SessionUserDto } from '@cmc/api';
import { useSession } from '../features/auth/api/me.ts';

/** The signed-in user (the shell's loader guarantees one below it). */
export function useCurrentUser(): SessionUserDto & { isAdmin: boolean } {
  const fromLoader = useRouteLoaderData('shell') as SessionResponse | undefined;
  const { data } = useSession();
  const user = data?.user ?? fromLoader?.user;
  if (!user) throw new Error('useCurrentUser used outside a signed-in page');
  return { ...user, isAdmin: user.role === 'admin' };
}

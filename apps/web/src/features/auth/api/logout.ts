import { useMutation, useQueryClient } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { setCsrfToken } from '../../../lib/csrf.ts';
import { markOwnSignOut } from '../../../lib/own-sign-out.ts';
import { sessionKey } from './me.ts';

export async function logout(): Promise<void> {
  markOwnSignOut();
  await call(route('auth.logout'), { allowUnauthorized: true });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(sessionKey, null);
    },
  });
}

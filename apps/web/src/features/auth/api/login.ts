import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type LoginRequest, route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { setCsrfToken } from '../../../lib/csrf.ts';
import { sessionKey } from './me.ts';

export async function login(body: LoginRequest) {
  const session = await call(route('auth.login'), { body, allowUnauthorized: true });
  setCsrfToken(session.csrfToken);
  return session;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      // Nothing cached under a previous user may leak into this session.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

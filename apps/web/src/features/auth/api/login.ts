import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionResponse, type LoginRequest } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { setCsrfToken } from '../../../lib/csrf.ts';
import { sessionKey } from './me.ts';

export async function login(body: LoginRequest) {
  const session = await api.post('/auth/login', sessionResponse, { body, allowUnauthorized: true });
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

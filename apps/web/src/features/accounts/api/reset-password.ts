import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** Sets a new password; the BFF ends that account's sessions. */
export function resetPassword(accountID: number, password: string) {
  return api.post(`/accounts/${accountID}/password`, null, { body: { password } });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ accountID, password }: { accountID: number; password: string }) =>
      resetPassword(accountID, password),
  });
}

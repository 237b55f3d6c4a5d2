import { useMutation } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';

/** Sets a new password; the BFF ends that account's sessions. */
export function resetPassword(accountID: number, password: string) {
  return call(route('accounts.reset-password'), { params: { accountID }, body: { password } });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ accountID, password }: { accountID: number; password: string }) =>
      resetPassword(accountID, password),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Clears the account's sign-in lock-outs from every address (audited by the BFF). */
export function unlockAccount(id: number) {
  return call(route('accounts.unlock'), { params: { accountID: id } });
}

export function useUnlockAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unlockAccount,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.accounts() }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function deleteAccount(id: number) {
  return call(route('accounts.delete'), { params: { accountID: id } });
}

export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAccount,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.accounts() }),
  });
}

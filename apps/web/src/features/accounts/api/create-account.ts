import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CreateAccountRequest, route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function createAccount(body: CreateAccountRequest) {
  return call(route('accounts.create'), { body });
}

export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAccount,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.accounts() }),
  });
}

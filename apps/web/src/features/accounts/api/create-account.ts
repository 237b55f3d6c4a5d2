import { useMutation, useQueryClient } from '@tanstack/react-query';
import { account, type CreateAccountRequest } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function createAccount(body: CreateAccountRequest) {
  return api.post('/accounts', account, { body });
}

export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAccount,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.accounts() }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ok } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { deviceLabelsKey } from './list-device-labels.ts';

export function deleteDeviceLabel(deviceID: number) {
  return api.post(`/devices/${deviceID}/label/delete`, ok);
}

export function useDeleteDeviceLabel(deviceID: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteDeviceLabel(deviceID),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: deviceLabelsKey });
      void queryClient.invalidateQueries({ queryKey: queryKeys.devices });
    },
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { deviceLabelsKey } from './list-device-labels.ts';

export function deleteDeviceLabel(deviceID: number) {
  return call(route('device-labels.delete'), { params: { deviceID } });
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

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deviceLabel, type SetDeviceLabelRequest } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { deviceLabelsKey } from './list-device-labels.ts';

export function setDeviceLabel(deviceID: number, body: SetDeviceLabelRequest) {
  return api.put(`/devices/${deviceID}/label`, deviceLabel, { body });
}

export function useSetDeviceLabel(deviceID: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetDeviceLabelRequest) => setDeviceLabel(deviceID, body),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: deviceLabelsKey });
      // Device rows carry the name.
      void queryClient.invalidateQueries({ queryKey: queryKeys.devices });
    },
  });
}

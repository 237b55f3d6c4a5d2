import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type SetDeviceLabelRequest, route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { deviceLabelsKey } from './list-device-labels.ts';

export function setDeviceLabel(deviceID: number, body: SetDeviceLabelRequest) {
  return call(route('device-labels.set'), { params: { deviceID }, body });
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

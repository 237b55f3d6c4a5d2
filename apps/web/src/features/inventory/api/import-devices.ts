import { useMutation } from '@tanstack/react-query';
import { type ImportRequest, route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';

export function previewImport(body: ImportRequest) {
  return call(route('inventory.import-preview'), { body });
}

export function usePreviewImport() {
  return useMutation({ mutationFn: previewImport });
}

export function runImport(body: ImportRequest) {
  return call(route('inventory.import-run'), { body });
}

export function useRunImport() {
  return useMutation({ mutationFn: runImport });
}

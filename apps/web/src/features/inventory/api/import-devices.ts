import { useMutation } from '@tanstack/react-query';
import { importPreview, importResult, type ImportRequest } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';

export function previewImport(body: ImportRequest) {
  return api.post('/inventory/import/preview', importPreview, { body });
}

export function usePreviewImport() {
  return useMutation({ mutationFn: previewImport });
}

export function runImport(body: ImportRequest) {
  return api.post('/inventory/import/run', importResult, { body });
}

export function useRunImport() {
  return useMutation({ mutationFn: runImport });
}

// ApiError is the API client's (@cmc/api); the web app adds the text a person sees for any error.
import { ApiError } from '@cmc/api';

export { ApiError, isApiError } from '@cmc/api';

/** Human text of any error a query or mutation can throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.userMessage;
  if (error instanceof Error) return error.message;
  return String(error);
}

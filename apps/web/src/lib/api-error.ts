/**
 * Every failed API call becomes an ApiError carrying the server's own words: the problem+json
 * `detail` and, for validation failures, one message per field path ("connectInfo.port").
 */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  /** field path (dot-joined) -> message */
  readonly fieldErrors: Record<string, string>;
  readonly code: string | undefined;

  constructor(init: {
    status: number;
    title: string;
    detail?: string | undefined;
    fieldErrors?: Record<string, string>;
    code?: string | undefined;
  }) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? {};
    this.code = init.code;
  }

  /** The sentence to show a person. */
  get userMessage(): string {
    return this.detail ?? this.title;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** Human text of any error a query or mutation can throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.userMessage;
  if (error instanceof Error) return error.message;
  return String(error);
}

// Every failed API call becomes an ApiError carrying the server's own words: the problem+json
// `detail` and, for validation failures, one message per field path ("connectInfo.port").
import { problem, type Problem } from '../common.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  /** field path (dot-joined, without the body/query/params prefix) -> message */
  readonly fieldErrors: Record<string, string>;
  /** The BFF's request ID, to find the request in its log. */
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    title: string;
    detail?: string | undefined;
    fieldErrors?: Record<string, string>;
    requestId?: string | undefined;
  }) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? {};
    this.requestId = init.requestId;
  }

  /** The sentence to show a person. */
  get userMessage(): string {
    return this.detail ?? this.title;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/**
 * The BFF names where a bad value was ("body.connectInfos.0.port"); forms only know their own
 * field paths ("connectInfos.0.port"). The first message per path wins: it is the most relevant.
 */
export function fieldErrorsOf(errors: Problem['errors']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { path, message } of errors ?? []) {
    const key = path.replace(/^(body|query|params)(\.|$)/, '');
    if (!(key in out)) out[key] = message;
  }
  return out;
}

/**
 * A failed response as an ApiError. The body is read with the API's problem+json schema; anything
 * else (a proxy's HTML error page, an empty body) is named by its HTTP status only.
 */
export function apiErrorOf(status: number, statusText: string, body: unknown): ApiError {
  const parsed = problem.safeParse(body);
  if (parsed.success) {
    const p = parsed.data;
    return new ApiError({
      status,
      title: p.title,
      detail: p.detail,
      fieldErrors: fieldErrorsOf(p.errors),
      requestId: p.requestId,
    });
  }
  const http = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  const detail =
    status >= 500 ? `The console server failed (${http}).` : `Request failed (${http}).`;
  return new ApiError({ status, title: statusText || `HTTP ${status}`, detail });
}

export const networkError = (): ApiError =>
  new ApiError({
    status: 0,
    title: 'Network error',
    detail: 'The console server cannot be reached.',
  });

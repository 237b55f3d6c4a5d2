import { ApiError } from './api-error.ts';
import { CSRF_HEADER, csrfToken } from './csrf.ts';
import { toApiError } from './problem.ts';

export const API_BASE = '/api/v1';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number>;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** A 401 here is an answer (wrong password, no session yet), not an expired session. */
  allowUnauthorized?: boolean;
}

/** Validates a response body; zod schemas from @cmc/api satisfy it. */
export interface Parser<T> {
  parse(data: unknown): T;
}

let onUnauthorized: (() => void) | null = null;

/** The app registers how to send the user to sign-in when a session expires mid-use. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The one way the web app talks to the BFF. */
export async function request<T>(
  method: Method,
  path: string,
  parser: Parser<T> | null,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({
      status: 0,
      title: 'Network error',
      detail: 'The console server cannot be reached.',
    });
  }
  const body = await readBody(response);
  if (!response.ok) {
    const error = toApiError(response.status, response.statusText, body);
    if (response.status === 401 && !options.allowUnauthorized) onUnauthorized?.();
    throw error;
  }
  if (!parser) return body as T;
  try {
    return parser.parse(body);
  } catch (error) {
    // A response that does not match the shared schema is a server/client version mismatch.
    console.error('Unexpected response from', path, error);
    throw new ApiError({
      status: response.status,
      title: 'Unexpected response',
      detail: `The server's answer to ${method} ${path} did not have the expected shape.`,
    });
  }
}

export const api = {
  get: <T>(path: string, parser: Parser<T> | null, options?: RequestOptions) =>
    request('GET', path, parser, options),
  post: <T>(path: string, parser: Parser<T> | null, options?: RequestOptions) =>
    request('POST', path, parser, options),
  put: <T>(path: string, parser: Parser<T> | null, options?: RequestOptions) =>
    request('PUT', path, parser, options),
  patch: <T>(path: string, parser: Parser<T> | null, options?: RequestOptions) =>
    request('PATCH', path, parser, options),
  delete: <T>(path: string, parser: Parser<T> | null, options?: RequestOptions) =>
    request('DELETE', path, parser, options),
};

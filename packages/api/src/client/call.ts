// The one typed client of the route table: `call(route('gateways.connect'), { params, body })`
// builds the URL from the route, sends the body as JSON, checks the answer with the route's
// response schema and turns failures into an ApiError read with the problem+json schema.
// The transport (fetch, CSRF header, what a 401 means to the app) is supplied by the app.
import type { z } from 'zod';
import type { HttpMethod, RouteDef } from '../routes/route-def.ts';
import { ApiError, apiErrorOf, networkError } from './api-error.ts';
import { checkAnswer } from './checked-answer.ts';
import { routeUrl, type QueryValue } from './url.ts';

type Input<S> = S extends z.ZodType ? z.input<S> : never;

/** Path params as the URL carries them: a device ID may be given as a number. */
export type ParamsOf<R extends RouteDef> = {
  [K in keyof Input<R['params']>]: Input<R['params']>[K] | number;
};
/** Query keys of the route's schema; values as they go on the wire (lists comma-joined). */
export type QueryOf<R extends RouteDef> = {
  [K in keyof Input<R['query']>]: Input<R['query']>[K] | QueryValue;
};
export type BodyOf<R extends RouteDef> = Input<R['body']>;
export type ResultOf<R extends RouteDef> = R['response'] extends z.ZodType
  ? z.output<R['response']>
  : void;

export type CallOptions<R extends RouteDef> = {
  signal?: AbortSignal | undefined;
  /** A 401 here is an answer (wrong password, no session yet), not an expired session. */
  allowUnauthorized?: boolean;
} & (R['params'] extends z.ZodType ? { params: ParamsOf<R> } : { params?: undefined }) &
  (R['query'] extends z.ZodType ? { query?: QueryOf<R> } : { query?: undefined }) &
  (R['body'] extends z.ZodType ? { body: BodyOf<R> } : { body?: undefined });

/** Options may be left out only when the route has no params and no body. */
type CallArgs<R extends RouteDef> = R['params'] extends z.ZodType
  ? [CallOptions<R>]
  : R['body'] extends z.ZodType
    ? [CallOptions<R>]
    : [CallOptions<R>?];

/** The part of fetch the client needs; the browser's and Node's fetch both fit. */
export type FetchLike = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body: string | null;
    signal: AbortSignal | null;
  },
) => Promise<{ ok: boolean; status: number; statusText: string; text(): Promise<string> }>;

export interface ClientConfig {
  /** Where /api/v1 is: '/api/v1' in the browser, 'http://127.0.0.1:PORT/api/v1' in a test. */
  baseUrl: string;
  fetch: FetchLike;
  /** Extra headers per request, e.g. the CSRF token on state-changing methods. */
  headers?: (method: HttpMethod) => Record<string, string>;
  /** A 401 the caller did not expect: the session ended. */
  onUnauthorized?: (error: ApiError) => void;
}

export type Call = <R extends RouteDef>(route: R, ...args: CallArgs<R>) => Promise<ResultOf<R>>;

function readJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export function createApiClient(config: ClientConfig): Call {
  return async function call<R extends RouteDef>(
    route: R,
    ...args: CallArgs<R>
  ): Promise<ResultOf<R>> {
    const options = (args[0] ?? {}) as CallOptions<RouteDef> & {
      params?: object;
      query?: object;
      body?: unknown;
    };
    if (route.produces)
      throw new Error(`route ${route.id} answers with a file; link to routeUrl() instead`);
    const url = routeUrl(config.baseUrl, route, options);
    const headers: Record<string, string> = {
      accept: 'application/json, application/problem+json',
      ...config.headers?.(route.method),
    };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let response: Awaited<ReturnType<FetchLike>>;
    let text: string;
    try {
      response = await config.fetch(url, {
        method: route.method.toUpperCase(),
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
        signal: options.signal ?? null,
      });
      text = response.status === 204 ? '' : await response.text();
    } catch (error) {
      if ((error as { name?: unknown } | null)?.name === 'AbortError') throw error;
      throw networkError();
    }
    if (!response.ok) {
      const error = apiErrorOf(response.status, response.statusText, readJson(text));
      if (response.status === 401 && !options.allowUnauthorized) config.onUnauthorized?.(error);
      throw error;
    }
    if (!route.response) return undefined as ResultOf<R>;
    const checked = checkAnswer(route.response, readJson(text));
    if (checked.success) return checked.data as ResultOf<R>;
    // An answer that does not match the shared schema is a server/client version mismatch.
    const first = checked.error.issues[0];
    throw new ApiError({
      status: response.status,
      title: 'Unexpected response',
      detail:
        `The server's answer to ${route.method.toUpperCase()} ${route.path} did not have the expected shape` +
        (first ? ` (${first.path.join('.') || 'body'}: ${first.message}).` : '.'),
    });
  };
}

// The web app's side of the one API client (@cmc/api createApiClient): the browser's fetch with
// the session cookie, the CSRF header on state-changing calls, and what an expired session means
// here (back to sign-in). Fetchers call `call(route('...'), {...})`; no file spells a path.
import {
  API_PREFIX,
  createApiClient,
  routeUrl,
  type QueryOf,
  type ParamsOf,
  type RouteDef,
} from '@cmc/api';
import { CSRF_HEADER, csrfToken } from './csrf.ts';

let onUnauthorized: (() => void) | null = null;

/** The app registers how to send the user to sign-in when a session expires mid-use. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/** The one way the web app talks to the BFF. */
export const call = createApiClient({
  baseUrl: API_PREFIX,
  // Looked up per call, so tests can stub the global fetch.
  fetch: (url, init) => fetch(url, { ...init, credentials: 'same-origin' }),
  headers: (method): Record<string, string> => {
    const token = method === 'get' ? null : csrfToken();
    return token ? { [CSRF_HEADER]: token } : {};
  },
  onUnauthorized: () => onUnauthorized?.(),
});

/** A plain link to a route that answers with a file (CSV): the browser sends the session cookie. */
export function fileUrl<R extends RouteDef & { produces: 'text/csv' }>(
  route: R,
  parts: { params?: ParamsOf<R>; query?: QueryOf<R> },
): string {
  return routeUrl(API_PREFIX, route, parts);
}

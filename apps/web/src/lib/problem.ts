import { ApiError } from './api-error.ts';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * "body.connectInfos.0.port" -> "connectInfos.0.port": the BFF names where in the request a bad
 * value was (body, query, params); forms only know their own field paths.
 */
function pathKey(path: unknown): string {
  let key = '';
  if (Array.isArray(path)) key = path.map(String).join('.');
  else if (typeof path === 'string') key = path.replace(/^\//, '').replaceAll('/', '.');
  return key.replace(/^(body|query|params)(\.|$)/, '');
}

/**
 * Field errors arrive as problem+json `errors` (array of { path, message }) or as a map
 * { "a.b": "message" }; both become { "a.b": "message" }. The first message per path wins so the
 * form shows the most relevant one.
 */
export function fieldErrorsOf(body: Json): Record<string, string> {
  const out: Record<string, string> = {};
  const raw = body['errors'] ?? body['invalidParams'] ?? body['fieldErrors'];
  if (Array.isArray(raw)) {
    for (const item of raw) {
      if (!isObject(item)) continue;
      const key = pathKey(item['path'] ?? item['name'] ?? item['field']);
      const message = item['message'] ?? item['reason'];
      if (typeof message === 'string' && !(key in out)) out[key] = message;
    }
  } else if (isObject(raw)) {
    for (const [key, message] of Object.entries(raw)) {
      const text = Array.isArray(message) ? message[0] : message;
      if (typeof text === 'string') out[key] = text;
    }
  }
  return out;
}

/** Maps a failed response (status + parsed body, or null when the body was not JSON) to an ApiError. */
export function toApiError(status: number, statusText: string, body: unknown): ApiError {
  if (isObject(body)) {
    const title =
      typeof body['title'] === 'string' ? body['title'] : statusText || `HTTP ${status}`;
    const detailRaw = body['detail'] ?? body['error'] ?? body['message'];
    const detail = typeof detailRaw === 'string' ? detailRaw : undefined;
    const code = typeof body['code'] === 'string' ? body['code'] : undefined;
    return new ApiError({ status, title, detail, fieldErrors: fieldErrorsOf(body), code });
  }
  const fallback =
    status === 0
      ? 'The console server cannot be reached.'
      : status >= 500
        ? `The console server failed (HTTP ${status}${statusText ? ` ${statusText}` : ''}).`
        : `Request failed (HTTP ${status}${statusText ? ` ${statusText}` : ''}).`;
  return new ApiError({ status, title: statusText || `HTTP ${status}`, detail: fallback });
}

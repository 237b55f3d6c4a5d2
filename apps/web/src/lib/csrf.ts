/**
 * CSRF defence as the BFF requires it: every state-changing request repeats a token the server
 * handed out (in the session response and in a readable cookie) in a request header. The token is
 * kept in memory when the session endpoint returns it; the cookie is the fallback after a reload.
 */
export const CSRF_HEADER = 'x-csrf-token';
const CSRF_COOKIES = ['cmc_csrf', 'csrf', 'XSRF-TOKEN'];

let token: string | null = null;

export function setCsrfToken(value: string | null | undefined): void {
  token = value ?? null;
}

export function csrfToken(
  cookieString: string = typeof document === 'undefined' ? '' : document.cookie,
): string | null {
  if (token) return token;
  for (const part of cookieString.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name && CSRF_COOKIES.includes(name)) return decodeURIComponent(rest.join('='));
  }
  return null;
}

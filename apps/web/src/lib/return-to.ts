/**
 * Where to go after signing in. Only same-app paths are honoured so a crafted link cannot send
 * the user to another site.
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return '/';
  if (value.startsWith('/sign-in')) return '/';
  return value;
}

export function signInPath(returnTo: string, expired = false): string {
  const params = new URLSearchParams();
  if (returnTo && returnTo !== '/') params.set('returnTo', returnTo);
  if (expired) params.set('expired', '1');
  const qs = params.toString();
  return `/sign-in${qs ? `?${qs}` : ''}`;
}

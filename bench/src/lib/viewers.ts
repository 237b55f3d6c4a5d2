// Sessions for the fleet: the administrator and one tenant viewer per tenant, created through the
// accounts API as an administrator would, then signed in. One cookie per kind of viewer is shared by
// all sockets of that kind (a browser session per socket is not needed to load the live channel).
import { CSRF_HEADER } from '@cmc/api';
import { ADMIN, signIn } from './bff-process.ts';
import type { FleetCookies } from '../clients/socket-fleet.ts';

const VIEWER_PASSWORD = 'bench-viewer-password';

export const viewerName = (tenantID: string): string => `bench-${tenantID}`;

/** Creates (or finds, on a shared database) a viewer per tenant and signs every one in. */
export async function signInViewers(
  url: string,
  tenants: readonly string[],
): Promise<FleetCookies> {
  const admin = await signIn(url, ADMIN);
  const cookies: FleetCookies = { admin };
  const me = await fetch(`${url}/api/v1/auth/me`, { headers: { cookie: admin } });
  if (!me.ok) throw new Error(`GET /api/v1/auth/me: ${me.status} ${await me.text()}`);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  for (const tenantID of tenants) {
    const res = await fetch(`${url}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin, [CSRF_HEADER]: csrfToken },
      body: JSON.stringify({
        username: viewerName(tenantID),
        password: VIEWER_PASSWORD,
        role: 'tenant',
        tenantID,
      }),
    });
    // 409: another instance on the same database created it already.
    if (res.status !== 201 && res.status !== 409)
      throw new Error(`creating the viewer of ${tenantID}: ${res.status} ${await res.text()}`);
    cookies[tenantID] = await signIn(url, {
      username: viewerName(tenantID),
      password: VIEWER_PASSWORD,
    });
  }
  return cookies;
}

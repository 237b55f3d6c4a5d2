import type { QueryClient } from '@tanstack/react-query';
import {
  createBrowserRouter,
  redirect,
  type LoaderFunctionArgs,
  type RouteObject,
} from 'react-router';
import { setUnauthorizedHandler } from './lib/api-client.ts';
import { safeReturnTo, signInPath } from './lib/return-to.ts';
import { sessionKey, sessionQuery } from './features/auth/api/me.ts';
import { prefetchDevices } from './features/devices/api/prefetch-devices.ts';
import { gatewaysQuery } from './features/gateways/api/list-gateways.ts';
import { RouteError } from './ui/route-error.tsx';
import { PageLoading } from './ui/page-loading.tsx';

/**
 * Every page is its own lazily loaded chunk; the shell checks the session before any page loads
 * and sends signed-out users to sign-in with the page they wanted as return-to.
 */
export function createAppRouter(queryClient: QueryClient) {
  async function requireSession({ request }: LoaderFunctionArgs) {
    const session = await queryClient.ensureQueryData(sessionQuery());
    if (!session) {
      const url = new URL(request.url);
      throw redirect(signInPath(url.pathname + url.search));
    }
    return session;
  }

  async function requireAdmin(args: LoaderFunctionArgs) {
    const session = await requireSession(args);
    if (session.user.role !== 'admin') throw redirect('/');
    return null;
  }

  // Each page has its own error boundary: a failing page leaves the shell and navigation usable.
  const pages: RouteObject[] = [
    { index: true, lazy: () => import('./routes/overview-route.tsx') },
    {
      path: 'devices',
      // Not awaited: the list request starts now, while the page's chunks load (bench fix 6).
      // The gateway summaries the page also shows start with it: the BFF then reads each
      // gateway's device list once for both requests (apps/bff/src/master/shared-reads.ts).
      loader: ({ request }) => {
        const hasSession = async () => Boolean(await queryClient.ensureQueryData(sessionQuery()));
        void prefetchDevices(queryClient, new URL(request.url), hasSession);
        void hasSession()
          .then((signedIn) => (signedIn ? queryClient.prefetchQuery(gatewaysQuery()) : undefined))
          .catch(() => undefined); // the page's own query reports any error
        return null;
      },
      lazy: () => import('./routes/devices-route.tsx'),
    },
    { path: 'devices/:deviceID', lazy: () => import('./routes/device-detail-route.tsx') },
    { path: 'gateways/:gatewayID', lazy: () => import('./routes/gateway-route.tsx') },
    { path: 'search', loader: requireAdmin, lazy: () => import('./routes/search-route.tsx') },
    { path: 'connect', loader: requireAdmin, lazy: () => import('./routes/connect-route.tsx') },
    { path: 'async-connections', lazy: () => import('./routes/async-connections-route.tsx') },
    { path: 'accept-filter', lazy: () => import('./routes/accept-filter-route.tsx') },
    { path: 'tenants', loader: requireAdmin, lazy: () => import('./routes/tenants-route.tsx') },
    { path: 'audit', loader: requireAdmin, lazy: () => import('./routes/audit-route.tsx') },
    { path: 'alarms', lazy: () => import('./routes/alarms-route.tsx') },
    { path: 'reports', lazy: () => import('./routes/reports-route.tsx') },
    { path: 'import', loader: requireAdmin, lazy: () => import('./routes/import-route.tsx') },
    {
      path: 'alert-rules',
      loader: requireAdmin,
      lazy: () => import('./routes/alert-rules-route.tsx'),
    },
    { path: '*', lazy: () => import('./routes/not-found-route.tsx') },
  ];

  const router = createBrowserRouter([
    {
      path: '/sign-in',
      // Already signed in: go where sign-in would have led.
      loader: async ({ request }) => {
        const session = await queryClient.ensureQueryData(sessionQuery());
        if (session)
          throw redirect(safeReturnTo(new URL(request.url).searchParams.get('returnTo')));
        return null;
      },
      lazy: () => import('./routes/sign-in-route.tsx'),
      errorElement: <RouteError />,
      hydrateFallbackElement: <PageLoading />,
    },
    {
      path: '/',
      id: 'shell',
      loader: requireSession,
      lazy: () => import('./routes/shell-route.tsx'),
      errorElement: <RouteError />,
      hydrateFallbackElement: <PageLoading />,
      children: pages.map((page) => ({ ...page, errorElement: <RouteError /> })),
    },
  ]);

  // An expired session anywhere: forget it and come back here after signing in again.
  setUnauthorizedHandler(() => {
    const { pathname, search } = window.location;
    if (pathname.startsWith('/sign-in')) return;
    queryClient.setQueryData(sessionKey, null);
    void router.navigate(signInPath(pathname + search, true), { replace: true });
  });

  return router;
}

// Signing in and out.
import { loginRequest, sessionResponse } from '../auth.ts';
import type { RouteDef } from './route-def.ts';

export const authRoutes = [
  {
    id: 'auth.login',
    method: 'post',
    path: '/auth/login',
    summary: 'Sign in (sets the session cookie)',
    access: 'public',
    body: loginRequest,
    response: sessionResponse,
    tag: 'auth',
  },
  {
    id: 'auth.logout',
    method: 'post',
    path: '/auth/logout',
    summary: 'Sign out',
    access: 'viewer',
    response: null,
    status: 204,
    tag: 'auth',
  },
  {
    id: 'auth.me',
    method: 'get',
    path: '/auth/me',
    summary: 'The signed-in user and the CSRF token',
    access: 'viewer',
    response: sessionResponse,
    tag: 'auth',
  },
] as const satisfies readonly RouteDef[];

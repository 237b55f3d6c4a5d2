import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { NavLink, Outlet, useNavigate, useNavigation } from 'react-router';
import { useLogout } from '../features/auth/api/logout.ts';
import { sessionKey } from '../features/auth/api/me.ts';
import { signInPath } from '../lib/return-to.ts';
import { startLiveStatus } from '../live/live-client.ts';
import { LiveBanner } from '../live/live-banner.tsx';
import { LiveIndicator } from '../live/live-indicator.tsx';
import { useCurrentUser } from './use-current-user.ts';

const navClass = ({ isActive }: { isActive: boolean }) =>
  isActive ? 'nav-link active' : 'nav-link';

export function Component() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const logout = useLogout();

  useEffect(
    () =>
      startLiveStatus(queryClient, () => {
        const { pathname, search } = window.location;
        queryClient.setQueryData(sessionKey, null);
        void navigate(signInPath(pathname + search, true), { replace: true });
      }),
    [queryClient, navigate],
  );

  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          Connect Master Console
          <small>Suprema G-SDK gateways</small>
        </div>
        <NavLink to="/" end className={navClass}>
          Overview
        </NavLink>
        <NavLink to="/devices" className={navClass}>
          Devices
        </NavLink>
        <div className="nav-section">Connections</div>
        {user.isAdmin ? (
          <>
            <NavLink to="/search" className={navClass}>
              Search
            </NavLink>
            <NavLink to="/connect" className={navClass}>
              Connect
            </NavLink>
          </>
        ) : null}
        <NavLink to="/async-connections" className={navClass}>
          Async connections
        </NavLink>
        <NavLink to="/accept-filter" className={navClass}>
          Accept filter
        </NavLink>
        {user.isAdmin ? (
          <>
            <div className="nav-section">Administration</div>
            <NavLink to="/tenants" className={navClass}>
              Tenants &amp; accounts
            </NavLink>
            <NavLink to="/audit" className={navClass}>
              Audit log
            </NavLink>
          </>
        ) : null}
        <div className="sidebar-footer">
          <div>
            Signed in as <strong>{user.username}</strong>
          </div>
          <div className="muted">
            {user.isAdmin ? 'Administrator' : `Viewer of ${user.tenantID ?? '—'}`}
          </div>
          <button
            className="btn btn-sm"
            type="button"
            disabled={logout.isPending}
            onClick={() =>
              logout.mutate(undefined, {
                onSettled: () => void navigate('/sign-in', { replace: true }),
              })
            }
          >
            Sign out
          </button>
        </div>
      </nav>
      <div className="main">
        <div className="topbar">
          <LiveIndicator />
          <div className="spacer" />
          {navigation.state === 'loading' ? <span className="muted">Loading…</span> : null}
          {user.isAdmin ? null : <span className="badge badge-info badge-plain">Read-only</span>}
        </div>
        <LiveBanner />
        <main className="content" id="main">
          <Outlet />
        </main>
      </div>
    </div>
  );
}

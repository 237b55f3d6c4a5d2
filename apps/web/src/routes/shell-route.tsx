import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { NavLink, Outlet, useNavigate, useNavigation } from 'react-router';
import { ActiveAlarmCount } from '../features/alarms/components/active-alarm-count.tsx';
import { useLogout } from '../features/auth/api/logout.ts';
import { sessionKey } from '../features/auth/api/me.ts';
import { signInPath } from '../lib/return-to.ts';
import { startLiveStatus } from '../live/live-client.ts';
import { LiveBanner } from '../live/live-banner.tsx';
import { StorageBanner } from '../features/storage/components/storage-banner.tsx';
import { LiveIndicator } from '../live/live-indicator.tsx';
import { WhenIdle } from '../ui/when-idle.tsx';
import { useCurrentUser } from './use-current-user.ts';
import { useFocusHeadingOnNavigate } from './use-focus-heading.ts';

const navClass = ({ isActive }: { isActive: boolean }) =>
  isActive ? 'nav-link active' : 'nav-link';

const MAIN_ID = 'main';

/** The skip link goes to the page content without scrolling past the navigation by hand. */
function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  document.getElementById(MAIN_ID)?.focus();
}

export function Component() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const logout = useLogout();
  // On phones and tablets the links sit behind a menu button (CSS shows it below 900 px).
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  useFocusHeadingOnNavigate(MAIN_ID);

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
      <a className="skip-link" href={`#${MAIN_ID}`} onClick={skipToMain}>
        Skip to main content
      </a>
      <nav
        className="sidebar"
        aria-label="Main"
        data-open={menuOpen}
        onKeyDown={(e) => {
          if (e.key !== 'Escape' || !menuOpen) return;
          setMenuOpen(false);
          menuButton.current?.focus();
        }}
      >
        <div className="sidebar-top">
          <div className="brand">
            Connect Master Console
            <small>Suprema G-SDK gateways</small>
          </div>
          <button
            ref={menuButton}
            className="btn menu-button"
            type="button"
            aria-expanded={menuOpen}
            aria-controls="nav-menu"
            onClick={() => setMenuOpen((open) => !open)}
          >
            Menu
          </button>
        </div>
        {/* A followed link closes the menu; the new page's heading takes the focus. */}
        <div
          className="nav-menu"
          id="nav-menu"
          onClick={(e) => {
            if ((e.target as Element).closest('a')) setMenuOpen(false);
          }}
        >
          <NavLink to="/" end className={navClass}>
            Overview
          </NavLink>
          <NavLink to="/devices" className={navClass}>
            Devices
          </NavLink>
          <NavLink to="/alarms" className={navClass}>
            Alarms{' '}
            <WhenIdle>
              <ActiveAlarmCount notify={user.isAdmin} />
            </WhenIdle>
          </NavLink>
          <NavLink to="/reports" className={navClass}>
            Reports
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
          {user.isAdmin ? (
            <NavLink to="/import" className={navClass}>
              Import devices
            </NavLink>
          ) : null}
          <NavLink to="/accept-filter" className={navClass}>
            Accept filter
          </NavLink>
          {user.isAdmin ? (
            <>
              <div className="nav-section">Administration</div>
              <NavLink to="/tenants" className={navClass}>
                Tenants &amp; accounts
              </NavLink>
              <NavLink to="/alert-rules" className={navClass}>
                Alert rules
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
        {user.isAdmin ? (
          <WhenIdle>
            <StorageBanner />
          </WhenIdle>
        ) : null}
        <main className="content" id={MAIN_ID} tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}

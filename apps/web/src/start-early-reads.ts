// Imported first by main.tsx, so it runs before React DOM, the router and the rest of the app's
// script evaluate (about half a second on a slow machine): the session and, on the Devices page,
// its list are on the wire by then, and the page's queries claim their answers
// (lib/early-reads.ts). The page's own chunks are fetched meanwhile too; the router's lazy routes
// then find them loaded.
import { startSessionRead } from './features/auth/api/me.ts';
import { startDevicesRead } from './features/devices/api/prefetch-devices.ts';

// A chunk that fails to load here is the router's to report when the page asks for it.
const fetchChunk = (load: () => Promise<unknown>) => void load().catch(() => undefined);

const { pathname } = window.location;
startSessionRead();
if (!pathname.startsWith('/sign-in')) fetchChunk(() => import('./routes/shell-route.tsx'));
if (pathname === '/devices') {
  startDevicesRead(new URL(window.location.href));
  fetchChunk(() => import('./routes/devices-route.tsx'));
}

// Imported first by main.tsx, so it runs before React DOM, the router and the rest of the app's
// script evaluate (about half a second on a slow machine): the session and, on the Devices page,
// its list are on the wire by then, and the page's queries claim their answers
// (lib/early-reads.ts).
import { startSessionRead } from './features/auth/api/me.ts';
import { startDevicesRead } from './features/devices/api/prefetch-devices.ts';

startSessionRead();
if (window.location.pathname === '/devices') startDevicesRead(new URL(window.location.href));

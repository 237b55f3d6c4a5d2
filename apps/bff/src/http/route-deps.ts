import type { AccountStore } from '../accounts/account-store.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { LoginGuard } from '../auth/login-guard.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import type { SessionAuth } from '../auth/session-auth.ts';
import type { DeviceFactsSource } from '../devices/device-row.ts';
import type { DeviceRowCache } from '../devices/device-row-cache.ts';
import type { DeviceIndex } from '../devices/device-index.ts';
import type { LabelStore } from '../device-labels/label-store.ts';
import type { GatewayMemory } from '../gateways/gateway-memory.ts';
import type { Logger } from '../logger.ts';
import type { MasterPool } from '../master/master-pool.ts';
import type { Storage } from '../scale/storage.ts';

/** Everything the resource routers need; built once in app.ts. */
export interface RouterDeps {
  pool: MasterPool;
  audit: AuditLog;
  accounts: AccountStore;
  auth: SessionAuth;
  userThrottle: LoginThrottle;
  addressThrottle: LoginThrottle;
  /** Every sign-in attempt per source address, successful or not: a plain rate limit. */
  loginRate: LoginThrottle;
  /** The lock-out rule over the throttles above (per user and address; back-off per user). */
  loginGuard: LoginGuard;
  /** Read-modify-write changes on the master, one at a time per key (across instances when scaled out). */
  serializer: Storage['serializer'];
  logger: Logger;
  /** The live module's history store, when wired: fills lastConnectedAt & co. */
  history?: DeviceFactsSource;
  /** Device rows and their JSON, shared by every user's device lists (rows hold nothing per user). */
  deviceRows: DeviceRowCache;
  /** The live hub's devices, serving device lists without a master read per request (issue 12). */
  deviceIndex?: DeviceIndex;
  /** Devices of offline gateways and the connections their reconnect lost (shared with the live hub). */
  gatewayMemory?: GatewayMemory;
  /** Display names of devices (device-labels), shown in rows and matched by the text filter. */
  labels?: LabelStore;
}

// Typed res.locals shared by the middlewares.
import type { SessionUser } from '../auth/types.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      requestId?: string;
      user?: SessionUser;
      session?: { id: string; csrfToken: string };
    }
  }
}

export {};

export type Role = 'admin' | 'tenant';

/** The signed-in user (docs/bff-internals.md). A tenant user always has a tenantID. */
export interface SessionUser {
  id: number;
  username: string;
  role: Role;
  tenantID: string | null;
}

/** Resolves the user of a request's Cookie header (the same cookie the REST API uses). */
export type GetSessionUser = (cookieHeader: string | undefined) => Promise<SessionUser | null>;

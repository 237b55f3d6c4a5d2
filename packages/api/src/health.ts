import { z } from 'zod';

export const healthResponse = z.object({ ok: z.literal(true) });
export const readyResponse = z.object({
  ready: z.boolean(),
  master: z.object({ reachable: z.boolean(), loggedIn: z.boolean(), error: z.string().nullable() }),
  /** Only when the BFF is scaled out (REDIS_URL): sessions, login counters and rooms live in Redis. */
  redis: z.object({ reachable: z.boolean(), error: z.string().nullable() }).optional(),
});
export type ReadyResponse = z.infer<typeof readyResponse>;

import { z } from 'zod';

export const healthResponse = z.object({ ok: z.literal(true) });
export const readyResponse = z.object({
  ready: z.boolean(),
  master: z.object({ reachable: z.boolean(), loggedIn: z.boolean(), error: z.string().nullable() }),
});
export type ReadyResponse = z.infer<typeof readyResponse>;

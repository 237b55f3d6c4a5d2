/** Exponential backoff with "full jitter" (AWS architecture blog): delay = random(0, ceiling). */
export interface BackoffPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
}

export const defaultBackoff: BackoffPolicy = { initialDelayMs: 250, maxDelayMs: 10_000 };

/** The upper bound for the attempt-th retry (0-based): initial · 2^attempt, capped. */
export function backoffCeiling(attempt: number, policy: BackoffPolicy): number {
  // Past 2^30 the product only overflows toward Infinity; the cap has long been reached.
  const exponential = policy.initialDelayMs * 2 ** Math.min(attempt, 30);
  return Math.min(policy.maxDelayMs, exponential);
}

/**
 * Full jitter spreads many clients that lost the same server over the whole window, so a restarted
 * master is not hit by every stream at once.
 */
export function fullJitterDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  return Math.floor(random() * backoffCeiling(attempt, policy));
}

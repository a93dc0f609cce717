/**
 * How long to wait before trying a send again: what `Retry-After` asked plus a little jitter, else
 * exponential back-off with full jitter, so a crowd of senders does not come back in step.
 */
export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** The first back-off window when Teams sent no Retry-After; it doubles each retry. */
  baseDelayMs: number;
  /** No wait is longer: a longer back-off is capped, a longer Retry-After gives up (send again later). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 1000, maxDelayMs: 60_000 };

/** Retry-After plus up to 10% of it (at least 100 ms, at most 1 s) of jitter. */
export function retryAfterDelayMs(retryAfterMs: number, random: () => number): number {
  const spread = Math.min(1000, Math.max(100, retryAfterMs * 0.1));
  return retryAfterMs + random() * spread;
}

/** Before retry number `retry` (1 for the first): uniform over [0, min(max, base × 2^(retry-1))]. */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const window = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return random() * window;
}

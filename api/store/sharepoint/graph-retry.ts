import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/**
 * Retrying Graph the way Graph asks: after a throttle (429) or an unavailable service (503, 504), wait
 * the `Retry-After` the service sent, else back off exponentially, always with jitter so a crowd of
 * callers does not come back in step. Attempts are bounded; when they run out the last response is
 * handed back and the caller turns it into a typed error.
 *
 * The Graph client ships a RetryHandler, but its sleep is a real timer and it adds no jitter to a
 * Retry-After; ours takes an injected `sleep` and `random` so tests run without waiting.
 */
export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** First back-off when the service sent no Retry-After; doubles each attempt. */
  baseDelayMs: number;
  /** No single wait is longer than this, whatever Retry-After says. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 60_000 };

/** 429 Too Many Requests; SharePoint also throttles with 503; 504 is a gateway timeout worth retrying. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

export interface RetryTiming {
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1). */
  random: () => number;
  /** Epoch ms, for HTTP-date Retry-After values. */
  now: () => number;
}

export const REAL_TIMING: RetryTiming = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: Date.now,
};

/** Retry-After in ms: delta-seconds (Graph sends fractions such as `2.128`) or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // An HTTP date names its weekday and month: `Tue, 24 Nov 2026 10:00:30 GMT`.
  const at = /[A-Za-z]{3}/.test(trimmed) ? Date.parse(trimmed) : NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * How long to wait before retry number `retry` (1 for the first retry). With a Retry-After: that, plus
 * up to 10% (at most 1 s) of jitter. Without: "full jitter" over an exponentially growing window.
 */
export function retryDelayMs(
  retry: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy,
  random: () => number,
): number {
  if (retryAfterMs !== undefined) {
    const jitter = random() * Math.min(1000, retryAfterMs * 0.1);
    return Math.min(policy.maxDelayMs, retryAfterMs + jitter);
  }
  const window = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.max(1, Math.round(random() * window));
}

/** Graph client middleware: retries one HTTP request (a whole `$batch` counts as one). */
export class GraphRetryMiddleware implements Middleware {
  private next?: Middleware;

  constructor(
    private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
    private readonly timing: RetryTiming = REAL_TIMING,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('GraphRetryMiddleware needs a next middleware');
    for (let attempt = 1; ; attempt += 1) {
      await this.next.execute(context);
      const response = context.response;
      if (!response || !RETRYABLE_STATUSES.has(response.status) || attempt >= this.policy.maxAttempts) return;
      // Our request bodies are strings, so they can be sent again as they are.
      if (context.options?.body !== undefined && typeof context.options.body !== 'string') return;
      const wait = retryDelayMs(
        attempt,
        parseRetryAfter(response.headers.get('Retry-After'), this.timing.now()),
        this.policy,
        this.timing.random,
      );
      // Free the connection before waiting.
      await response.body?.cancel().catch(() => undefined);
      await this.timing.sleep(wait);
    }
  }
}

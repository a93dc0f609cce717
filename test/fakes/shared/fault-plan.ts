import { seededRandom } from '../../../api/seed/random';

/** A fault a test asks for: the next `count` requests matching `match` get `status`. */
export interface FaultRule<Target> {
  status: number;
  count?: number;
  retryAfter?: string;
  code?: string;
  match?: (target: Target) => boolean;
}

/** Random 429s on a share (0..1) of requests, deterministic by seed (default 1). */
export interface RandomThrottle {
  rate: number;
  retryAfter: string;
  seed?: number;
}

/** The answer a request is to get instead of being served. */
export interface PlannedFault {
  status: number;
  code?: string;
  retryAfter?: string;
}

/**
 * What both fakes (Graph, the Bot Connector) share: a queue of injected faults, matched in order, and
 * seeded random throttling. Each fake turns a planned fault into its own service's error body.
 */
export class FaultPlan<Target> {
  private queue: Array<{ rule: FaultRule<Target>; remaining: number }> = [];
  private random: { rate: number; retryAfter: string; next: () => number } | null = null;

  inject(rule: FaultRule<Target>): void {
    const count = rule.count ?? 1;
    if (!Number.isInteger(count) || count < 1)
      throw new Error('injectFault: count must be a positive integer.');
    if (!Number.isInteger(rule.status) || rule.status < 400 || rule.status > 599) {
      throw new Error('injectFault: status must be an HTTP error status (400–599).');
    }
    this.queue.push({ rule, remaining: count });
  }

  throttleRandomly(opts: RandomThrottle | null): void {
    if (opts === null) {
      this.random = null;
      return;
    }
    if (!(opts.rate >= 0 && opts.rate <= 1))
      throw new Error('throttleRandomly: rate must be between 0 and 1.');
    this.random = { rate: opts.rate, retryAfter: opts.retryAfter, next: seededRandom(opts.seed ?? 1) };
  }

  /** The fault this request gets, if any; consumes one queued fault. */
  next(target: Target): PlannedFault | undefined {
    const queued = this.queue.find((q) => (q.rule.match ? q.rule.match(target) : true));
    if (queued) {
      queued.remaining -= 1;
      if (queued.remaining === 0) this.queue = this.queue.filter((q) => q !== queued);
      const { status, code, retryAfter } = queued.rule;
      return {
        status,
        ...(code !== undefined ? { code } : {}),
        ...(retryAfter !== undefined ? { retryAfter } : {}),
      };
    }
    if (this.random && this.random.next() < this.random.rate) {
      return { status: 429, retryAfter: this.random.retryAfter };
    }
    return undefined;
  }
}

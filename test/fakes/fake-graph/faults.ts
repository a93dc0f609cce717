/** Injected faults (a queue) and seeded random throttling, for outer and inner ($batch) requests. */

import type { RequestIds } from './errors';
import { defaultCodeFor, errorResponse } from './errors';
import type { FaultSpec, FaultTarget, GraphResponse, RandomThrottle } from './types';
import { seededRandom } from '../../../api/seed/random';

interface QueuedFault {
  spec: FaultSpec;
  remaining: number;
}

const MESSAGES: Record<number, string> = {
  429: 'The request has been throttled. Wait for the time in the Retry-After header, then retry.',
  503: 'The service is temporarily unavailable. Retry after the time in the Retry-After header.',
};

export class Faults {
  private queue: QueuedFault[] = [];
  private random: { rate: number; retryAfter: string; next: () => number } | null = null;

  inject(spec: FaultSpec): void {
    const count = spec.count ?? 1;
    if (!Number.isInteger(count) || count < 1)
      throw new Error('injectFault: count must be a positive integer.');
    if (!Number.isInteger(spec.status) || spec.status < 400 || spec.status > 599) {
      throw new Error('injectFault: status must be an HTTP error status (400–599).');
    }
    this.queue.push({ spec, remaining: count });
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

  /** The fault response this request gets, if any; consumes one queued fault. */
  take(target: FaultTarget, ids: RequestIds): GraphResponse | undefined {
    const queued = this.queue.find((q) => q.remaining > 0 && (q.spec.match ? q.spec.match(target) : true));
    if (queued) {
      queued.remaining -= 1;
      this.queue = this.queue.filter((q) => q.remaining > 0);
      return faultResponse(queued.spec.status, queued.spec.code, queued.spec.retryAfter, ids);
    }
    if (this.random && this.random.next() < this.random.rate) {
      return faultResponse(429, undefined, this.random.retryAfter, ids);
    }
    return undefined;
  }
}

function faultResponse(
  status: number,
  code: string | undefined,
  retryAfter: string | undefined,
  ids: RequestIds,
): GraphResponse {
  const headers: Record<string, string> = retryAfter === undefined ? {} : { 'Retry-After': retryAfter };
  const message = MESSAGES[status] ?? `Injected fault: HTTP ${status}.`;
  return errorResponse(status, code ?? defaultCodeFor(status), message, ids, headers);
}

/** Injected faults (a queue) and seeded random throttling, for outer and inner ($batch) requests. */

import type { RequestIds } from './errors';
import { defaultCodeFor, errorResponse } from './errors';
import type { FaultSpec, FaultTarget, GraphResponse, RandomThrottle } from './types';
import { FaultPlan } from '../shared/fault-plan';

const MESSAGES: Record<number, string> = {
  429: 'The request has been throttled. Wait for the time in the Retry-After header, then retry.',
  503: 'The service is temporarily unavailable. Retry after the time in the Retry-After header.',
};

export class Faults {
  private readonly plan = new FaultPlan<FaultTarget>();

  inject(spec: FaultSpec): void {
    this.plan.inject(spec);
  }

  throttleRandomly(opts: RandomThrottle | null): void {
    this.plan.throttleRandomly(opts);
  }

  /** The fault response this request gets, if any; consumes one queued fault. */
  take(target: FaultTarget, ids: RequestIds): GraphResponse | undefined {
    const fault = this.plan.next(target);
    return fault && faultResponse(fault.status, fault.code, fault.retryAfter, ids);
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

/** Injected faults (a queue) and seeded random throttling; both answer before anything else runs. */

import { defaultCodeFor, errorResponse } from './errors';
import type { ConnectorResponse, FaultSpec, FaultTarget, RandomThrottle } from './types';
import { FaultPlan } from '../shared/fault-plan';

/** Teams' messages for the statuses it documents. */
const MESSAGES: Record<number, string> = {
  401: 'No registration found for this bot.',
  403: 'User blocked the conversation with the bot.',
  412: 'Precondition failed, please try again.',
  413: 'Message size too large.',
  429: 'Too many requests. Wait for the time in the Retry-After header, then retry.',
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
  take(target: FaultTarget): ConnectorResponse | undefined {
    const fault = this.plan.next(target);
    return fault && faultResponse(fault.status, fault.code, fault.retryAfter);
  }
}

function faultResponse(
  status: number,
  code: string | undefined,
  retryAfter: string | undefined,
): ConnectorResponse {
  const headers: Record<string, string> = retryAfter === undefined ? {} : { 'Retry-After': retryAfter };
  const message = MESSAGES[status] ?? `Injected fault: HTTP ${status}.`;
  return errorResponse(status, code ?? defaultCodeFor(status), message, headers);
}

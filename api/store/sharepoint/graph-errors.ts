import { UnavailableError } from '../../domain/errors';
import { RETRYABLE_STATUSES } from './graph-retry';

/** One Graph request as the executor sends it: a path relative to the Graph root (`/sites/…`). */
export interface GraphCall {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Indexes (within the same group) of calls that must succeed first: `dependsOn` in the `$batch`. */
  dependsOn?: number[];
}

/** What came back, whether it was a direct request or one response inside a `$batch`. */
export interface GraphResult {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Graph's error body: `{ error: { code, message, innerError: { request-id, … } } }`. */
export function graphErrorOf(body: unknown): { code: string; message: string; requestId?: string } {
  const error = (
    body as { error?: { code?: unknown; message?: unknown; innerError?: Record<string, unknown> } }
  )?.error;
  const requestId = error?.innerError?.['request-id'];
  return {
    code: typeof error?.code === 'string' ? error.code : 'unknown',
    message: typeof error?.message === 'string' ? error.message : '',
    ...(typeof requestId === 'string' ? { requestId } : {}),
  };
}

/** A Graph request that failed for a reason retrying would not cure (400, 403, 404, 409, 412, …). */
export class GraphRequestError extends Error {
  readonly code: string;
  readonly requestId?: string;
  constructor(
    readonly call: Pick<GraphCall, 'method' | 'url'>,
    readonly status: number,
    body: unknown,
  ) {
    const e = graphErrorOf(body);
    super(`Graph ${call.method} ${call.url.split('?')[0]} failed with ${status} ${e.code}: ${e.message}`);
    this.code = e.code;
    if (e.requestId) this.requestId = e.requestId;
  }
}

/** The error a failed result becomes: throttled or unavailable after every retry → UnavailableError. */
export function errorFor(call: GraphCall, result: GraphResult): Error {
  if (RETRYABLE_STATUSES.has(result.status)) {
    const retryAfter = Number(result.headers['retry-after']);
    return new UnavailableError(
      `SharePoint is busy (Graph answered ${result.status} to ${call.method} ${call.url.split('?')[0]} after every retry); nothing was lost, try again shortly.`,
      Number.isFinite(retryAfter) ? retryAfter : undefined,
      { cause: new GraphRequestError(call, result.status, result.body) },
    );
  }
  return new GraphRequestError(call, result.status, result.body);
}

export function isSuccess(result: GraphResult): boolean {
  return result.status >= 200 && result.status < 300;
}

/**
 * SharePoint refused a value in a column that enforces unique values. Graph answers 400 invalidRequest
 * ("…duplicate values were found in the following field(s)…"); some tenants answer 409. Both count.
 */
export function isUniqueViolation(result: GraphResult): boolean {
  if (result.status === 409) return true;
  return result.status === 400 && /duplicate values were found/i.test(graphErrorOf(result.body).message);
}

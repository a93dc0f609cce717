/** Graph's error shape: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}. */

import type { GraphResponse } from './types';

export const JSON_CONTENT_TYPE = 'application/json';
/** What Graph sends with a successful OData body. */
export const ODATA_CONTENT_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** Thrown by handlers; the dispatcher turns it into an error response. */
export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphHttpError';
  }
}

export const invalidRequest = (message: string): GraphHttpError =>
  new GraphHttpError(400, 'invalidRequest', message);

export const badRequest = (message: string): GraphHttpError => new GraphHttpError(400, 'BadRequest', message);

export const itemNotFound = (message: string): GraphHttpError =>
  new GraphHttpError(404, 'itemNotFound', message);

export const nameAlreadyExists = (message: string): GraphHttpError =>
  new GraphHttpError(409, 'nameAlreadyExists', message);

export const segmentNotFound = (segment: string): GraphHttpError =>
  badRequest(`Resource not found for the segment '${segment}'.`);

export const methodNotAllowed = (): GraphHttpError =>
  new GraphHttpError(
    405,
    'Request_BadRequest',
    'Specified HTTP method is not allowed for the request target.',
  );

/** Default error code for a fault status. */
export function defaultCodeFor(status: number): string {
  switch (status) {
    case 429:
      return 'TooManyRequests';
    case 503:
      return 'serviceNotAvailable';
    case 504:
      return 'gatewayTimeout';
    case 500:
      return 'generalException';
    default:
      return status >= 500 ? 'generalException' : 'invalidRequest';
  }
}

/** Graph's innerError date: seconds precision, no zone designator. */
const graphDate = (): string => new Date().toISOString().slice(0, 19);

export interface RequestIds {
  requestId: string;
  clientRequestId: string;
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  ids: RequestIds,
  headers: Record<string, string> = {},
): GraphResponse {
  return {
    status,
    headers: { ...headers, 'Content-Type': JSON_CONTENT_TYPE },
    body: {
      error: {
        code,
        message,
        innerError: {
          date: graphDate(),
          'request-id': ids.requestId,
          'client-request-id': ids.clientRequestId,
        },
      },
    },
  };
}

export function responseFromError(err: GraphHttpError, ids: RequestIds): GraphResponse {
  return errorResponse(err.status, err.code, err.message, ids, err.headers);
}

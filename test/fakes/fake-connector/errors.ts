/**
 * The Connector's error body, `{ "error": { "code", "message" } }` (Bot Framework's ErrorResponse), with the
 * codes Teams documents under "Status code responses" in "Messages in bot conversations".
 */

import type { ConnectorResponse } from './types';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export const ErrorCodes = {
  badArgument: 'BadArgument',
  /** What Teams answers to conversation parameters it cannot use ("Incorrect conversation creation parameters"). */
  badSyntax: 'BadSyntax',
  conversationNotFound: 'ConversationNotFound',
  activityNotFound: 'ActivityNotFoundInConversation',
  memberNotFound: 'MemberNotFoundInConversation',
  messageSizeTooBig: 'MessageSizeTooBig',
  /** Teams' code for 429 (the HTTP reason phrase is "Too Many Requests"). */
  throttled: 'Throttled',
  preconditionFailed: 'PreconditionFailed',
  serviceError: 'ServiceError',
  notFound: 'NotFound',
  methodNotAllowed: 'MethodNotAllowed',
  unsupportedMediaType: 'UnsupportedMediaType',
} as const;

export class ConnectorHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badArgument = (message: string): ConnectorHttpError =>
  new ConnectorHttpError(400, ErrorCodes.badArgument, message);

export const badCreateParameters = (why: string): ConnectorHttpError =>
  new ConnectorHttpError(400, ErrorCodes.badSyntax, `Incorrect conversation creation parameters: ${why}`);

export const conversationNotFound = (conversationId: string): ConnectorHttpError =>
  new ConnectorHttpError(
    404,
    ErrorCodes.conversationNotFound,
    `Conversation not found: '${conversationId}'. Create it with POST /v3/conversations (or addConversation) first, and send the id URL-encoded.`,
  );

export const activityNotFound = (conversationId: string, activityId: string): ConnectorHttpError =>
  new ConnectorHttpError(
    404,
    ErrorCodes.activityNotFound,
    `Activity '${activityId}' was not found in conversation '${conversationId}': it was never sent there, or it was deleted.`,
  );

/** Default error code for a fault status, after Teams' table. */
export function defaultCodeFor(status: number): string {
  switch (status) {
    case 400:
      return ErrorCodes.badArgument;
    case 401:
      return 'BotNotRegistered';
    case 403:
      return 'ConversationBlockedByUser';
    case 404:
      return ErrorCodes.conversationNotFound;
    case 412:
      return ErrorCodes.preconditionFailed;
    case 413:
      return ErrorCodes.messageSizeTooBig;
    case 429:
      return ErrorCodes.throttled;
    case 503:
      return 'ServiceUnavailable';
    case 504:
      return 'GatewayTimeout';
    default:
      return status >= 500 ? ErrorCodes.serviceError : ErrorCodes.badArgument;
  }
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): ConnectorResponse {
  return {
    status,
    headers: { ...headers, 'Content-Type': JSON_CONTENT_TYPE },
    body: { error: { code, message } },
  };
}

export const responseFromError = (err: ConnectorHttpError): ConnectorResponse =>
  errorResponse(err.status, err.code, err.message, err.headers);

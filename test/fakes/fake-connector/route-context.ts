/** What route handlers share: the state, the limiter, the request as parsed, and small response helpers. */

import type { ConversationStore, StoredConversation } from './conversations';
import { ConnectorHttpError, ErrorCodes, JSON_CONTENT_TYPE, conversationNotFound } from './errors';
import type { OperationKind, RateLimiter } from './rate-limits';
import { formatRetryAfter } from './rate-limits';
import type { ConnectorOperation, ConnectorResponse } from './types';
import { isJsonObject } from './validation';

/** Whose traffic a request is when nothing in it names a bot or an app. */
export const DEFAULT_BOT_ID = 'bot';
export const DEFAULT_APP_ID = 'app';

export interface RouteContext {
  store: ConversationStore;
  limiter: RateLimiter;
  clock: () => number;
  maxMessageBytes: number;
}

/** An operation and the ids in its path (decoded). */
export interface MatchedRoute {
  operation: ConnectorOperation;
  conversationId?: string;
  activityId?: string;
  memberId?: string;
}

export interface RouteRequest {
  route: MatchedRoute;
  /** Parsed JSON body; undefined when there is none. */
  body: unknown;
  query: Record<string, string>;
  /** The bot this request counts against in the conversation. */
  bot: string;
  /** The conversation in the path, when it exists. */
  conversation?: StoredConversation;
}

export const json = (status: number, body: unknown): ConnectorResponse => ({
  status,
  headers: { 'Content-Type': JSON_CONTENT_TYPE },
  body,
});

export const emptyOk = (): ConnectorResponse => ({ status: 200, headers: {} });

/** The conversation in the path, or 404 ConversationNotFound. */
export function requireConversation(r: RouteRequest): StoredConversation {
  if (!r.conversation) throw conversationNotFound(r.route.conversationId ?? '');
  return r.conversation;
}

/** Counts the operation against the conversation's windows, or throws 429 Throttled with Retry-After. */
export function admit(ctx: RouteContext, kind: OperationKind, bot: string, conversationId: string): void {
  const throttle = ctx.limiter.admitOperation(kind, bot, conversationId, ctx.clock());
  if (throttle) {
    const retryAfter = formatRetryAfter(throttle.retryAfterMs);
    throw new ConnectorHttpError(
      429,
      ErrorCodes.throttled,
      `${throttle.message} Retry after ${retryAfter} s.`,
      {
        'Retry-After': retryAfter,
      },
    );
  }
}

/** The non-empty string at this path of a JSON value, if there is one. */
export const stringAt = (value: unknown, ...path: string[]): string | undefined => {
  let at: unknown = value;
  for (const key of path) {
    if (!isJsonObject(at)) return undefined;
    at = at[key];
  }
  return typeof at === 'string' && at !== '' ? at : undefined;
};

/**
 * The app id in a bearer token (its `appid` or `azp` claim), read without verifying it: the fake requires
 * no token, but when the bot sends one it is what Teams identifies the app by.
 */
export function appIdOf(authorization: string | undefined): string | undefined {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return stringAt(claims, 'appid') ?? stringAt(claims, 'azp');
  } catch {
    return undefined;
  }
}

/**
 * The bot a request counts against in a conversation: the activity's `from.id`; for a create, `bot.id`
 * (the Agents SDK sends `agent`) or its activity's `from.id`; else the token's app; else one default bot.
 */
export function botOf(body: unknown, appId: string | undefined): string {
  return (
    stringAt(body, 'from', 'id') ??
    stringAt(body, 'bot', 'id') ??
    stringAt(body, 'agent', 'id') ??
    stringAt(body, 'activity', 'from', 'id') ??
    appId ??
    DEFAULT_BOT_ID
  );
}

/** The tenant a request counts in: the conversation's, else what the body says, else ''. */
export function tenantOf(body: unknown, conversation: StoredConversation | undefined): string {
  return (
    conversation?.tenantId ??
    stringAt(body, 'channelData', 'tenant', 'id') ??
    stringAt(body, 'tenantId') ??
    stringAt(body, 'conversation', 'tenantId') ??
    ''
  );
}

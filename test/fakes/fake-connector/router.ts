/**
 * Maps a method and path to a Connector operation. Paths may carry a prefix before /v3 (Teams' service URLs
 * look like https://smba.trafficmanager.net/teams/); ids in them are percent-decoded.
 */

import { deleteActivity, sendActivity, updateActivity } from './activity-routes';
import { createConversation } from './create-conversation';
import { ConnectorHttpError, ErrorCodes, badArgument } from './errors';
import { getMember, getMembers, getPagedMembers } from './member-routes';
import type { MatchedRoute, RouteContext, RouteRequest } from './route-context';
import type { ConnectorOperation, ConnectorResponse } from './types';

const ROUTE =
  /^(?:\/[^/]+)*?\/v3\/conversations(?:\/([^/]+)(?:\/(activities|members|pagedmembers)(?:\/([^/]+))?)?)?\/?$/;

function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw badArgument(`The URL segment '${raw}' is not valid percent-encoding.`);
  }
}

const notFound = (path: string) =>
  new ConnectorHttpError(
    404,
    ErrorCodes.notFound,
    `No Bot Connector route at '${path}'. The fake serves {serviceUrl}v3/conversations[/{id}/activities[/{activityId}] | /{id}/members[/{memberId}] | /{id}/pagedmembers].`,
  );

const methodNotAllowed = (method: string, path: string, allowed: string[]) =>
  new ConnectorHttpError(
    405,
    ErrorCodes.methodNotAllowed,
    `${method} is not allowed on '${path}'; use ${allowed.join(' or ')}.`,
    { Allow: allowed.join(', ') },
  );

/** The operation for this method and path; throws 404/405/400 (malformed encoding). */
export function matchRoute(method: string, path: string): MatchedRoute {
  const m = ROUTE.exec(path);
  if (!m) throw notFound(path);
  const [, rawConversation, collection, rawItem] = m;
  const conversationId = rawConversation === undefined ? undefined : decodeSegment(rawConversation);
  const item = rawItem === undefined ? undefined : decodeSegment(rawItem);
  const pick = (table: Record<string, ConnectorOperation>): ConnectorOperation => {
    const operation = table[method];
    if (!operation) throw methodNotAllowed(method, path, Object.keys(table));
    return operation;
  };

  if (conversationId === undefined) return { operation: pick({ POST: 'createConversation' }) };
  switch (collection) {
    case 'activities':
      if (item === undefined) return { operation: pick({ POST: 'sendToConversation' }), conversationId };
      return {
        operation: pick({ POST: 'replyToActivity', PUT: 'updateActivity', DELETE: 'deleteActivity' }),
        conversationId,
        activityId: item,
      };
    case 'members':
      if (item === undefined) return { operation: pick({ GET: 'getConversationMembers' }), conversationId };
      return { operation: pick({ GET: 'getConversationMember' }), conversationId, memberId: item };
    case 'pagedmembers':
      if (item !== undefined) throw notFound(path);
      return { operation: pick({ GET: 'getConversationPagedMembers' }), conversationId };
    default:
      throw notFound(path);
  }
}

type Handler = (ctx: RouteContext, r: RouteRequest) => ConnectorResponse;

const HANDLERS: Record<Exclude<ConnectorOperation, 'unknown'>, Handler> = {
  createConversation,
  sendToConversation: sendActivity,
  replyToActivity: sendActivity,
  updateActivity,
  deleteActivity,
  getConversationMembers: getMembers,
  getConversationPagedMembers: getPagedMembers,
  getConversationMember: getMember,
};

export function dispatch(ctx: RouteContext, r: RouteRequest): ConnectorResponse {
  if (r.route.operation === 'unknown') throw notFound('');
  return HANDLERS[r.route.operation](ctx, r);
}

/** Send, reply, update and delete: POST/PUT/DELETE /v3/conversations/{conversationId}/activities[/{activityId}]. */

import { activityNotFound } from './errors';
import type { RouteContext, RouteRequest } from './route-context';
import { admit, emptyOk, json, requireConversation, stringAt } from './route-context';
import type { ConnectorResponse } from './types';
import { validateActivity } from './validation';

/** POST …/activities (send) and POST …/activities/{activityId} (reply) → 201 { id }. */
export function sendActivity(ctx: RouteContext, r: RouteRequest): ConnectorResponse {
  const conversation = requireConversation(r);
  const activity = validateActivity(r.body, ctx.maxMessageBytes);
  admit(ctx, 'send', r.bot, conversation.id);
  // A reply may answer a message the user sent, which the Connector never delivered: any id is accepted.
  const replyToId =
    r.route.operation === 'replyToActivity'
      ? r.route.activityId
      : typeof activity.replyToId === 'string'
        ? activity.replyToId
        : undefined;
  const delivered = ctx.store.deliver(conversation, r.route.conversationId as string, activity, replyToId);
  return json(201, { id: delivered.id });
}

/** PUT …/activities/{activityId} → 200 { id }, the activity replaced in place. */
export function updateActivity(ctx: RouteContext, r: RouteRequest): ConnectorResponse {
  const conversation = requireConversation(r);
  const activity = validateActivity(r.body, ctx.maxMessageBytes);
  const activityId = r.route.activityId as string;
  const existing = ctx.store.findActivity(conversation, activityId);
  if (!existing) throw activityNotFound(r.route.conversationId as string, activityId);
  admit(ctx, 'send', r.bot, conversation.id);
  ctx.store.update(existing, activity);
  return json(200, { id: existing.id });
}

/** DELETE …/activities/{activityId} → 200, no body. */
export function deleteActivity(ctx: RouteContext, r: RouteRequest): ConnectorResponse {
  const conversation = requireConversation(r);
  const activityId = r.route.activityId as string;
  const existing = ctx.store.findActivity(conversation, activityId);
  if (!existing) throw activityNotFound(r.route.conversationId as string, activityId);
  // A DELETE has no body: it counts against the bot that sent the activity.
  admit(ctx, 'send', stringAt(existing.activity, 'from', 'id') ?? r.bot, conversation.id);
  ctx.store.remove(existing);
  return emptyOk();
}
